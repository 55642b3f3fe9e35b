using System.Diagnostics;

namespace DistrictMap.Tests.Infrastructure;

/// <summary>Starts the built districtmap program as a separate process, on a given database.</summary>
public static class CliProcess
{
    public static ProcessStartInfo StartInfo(string connectionString, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DistrictMap.Api.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__DistrictMap"] = connectionString;
        start.Environment.Remove("DISTRICTMAP_DATA_DIR");
        return start;
    }
}
