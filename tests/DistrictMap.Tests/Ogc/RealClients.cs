using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Ogc;

/// <summary>
/// What the real-client tests share: the API on a real listening port, and a client program run to its end.
/// </summary>
internal static class RealClients
{
    /// <summary>The API over <paramref name="connectionString"/>, listening on a free loopback port.</summary>
    public static ApiFactory Serve(string connectionString, out int port)
    {
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var server = new ApiFactory(connectionString);
        server.UseKestrel(port);
        server.StartServer();
        return server;
    }

    /// <summary>Runs a program to its end and returns its standard output; a non-zero exit fails the test.</summary>
    public static Task<string> RunAsync(string program, params string[] arguments) =>
        RunAsync(program, null, arguments);

    /// <summary>As <see cref="RunAsync(string, string[])"/>, with extra environment variables.</summary>
    public static async Task<string> RunAsync(string program, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await errors} {await output}");
        return await output;
    }
}
