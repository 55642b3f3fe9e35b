namespace DistrictMap.Tests.Infrastructure;

/// <summary>
/// A test on the real open data in DISTRICTMAP_DATA_DIR. Reported as skipped when the variable is unset;
/// the CI script fails the run if any were skipped.
/// </summary>
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute()
    {
        if (RealData.Directory is null)
        {
            Skip = "DISTRICTMAP_DATA_DIR is not set: real-data test skipped";
        }
    }
}

public static class RealData
{
    /// <summary>The real data folder, or null when DISTRICTMAP_DATA_DIR is unset.</summary>
    public static string? Directory =>
        Environment.GetEnvironmentVariable("DISTRICTMAP_DATA_DIR") is { Length: > 0 } dir ? Path.GetFullPath(dir) : null;

    public static string File(string relative) => Path.Combine(Directory ?? throw new InvalidOperationException("DISTRICTMAP_DATA_DIR is not set"), relative);
}

public static class Fixtures
{
    /// <summary>A synthetic fixture file of this test project.</summary>
    public static string File(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The repository's root, for files such as the manifest.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !System.IO.File.Exists(Path.Combine(directory.FullName, "DistrictMap.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("DistrictMap.sln not found above the test output");
        }
    }
}
