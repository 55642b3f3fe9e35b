using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace DistrictMap.Api.Infrastructure.Postgres;

/// <summary>
/// A private PostgreSQL cluster in a folder of its own, listening on 127.0.0.1 only, on a free port.
/// Used when no connection string is configured: persistent for the run command, throwaway for tests.
/// </summary>
public sealed class LocalCluster
{
    private const string ServiceUser = "postgres";
    private readonly PostgresInstallation installation;
    private readonly bool durable;

    /// <param name="directory">Folder holding the cluster (data, socket, log).</param>
    /// <param name="installation">The PostgreSQL server programs.</param>
    /// <param name="durable">False turns fsync off: only for throwaway test clusters.</param>
    public LocalCluster(string directory, PostgresInstallation installation, bool durable)
    {
        Directory = Path.GetFullPath(directory);
        this.installation = installation;
        this.durable = durable;
    }

    public string Directory { get; }

    public string DataDirectory => Path.Combine(Directory, "data");

    private string LogFile => Path.Combine(Directory, "server.log");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Initialises the cluster if needed, starts it if it is not running, and returns its port.</summary>
    public int EnsureRunning()
    {
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            Initialise();
        }

        var running = RunningPort();
        if (running is { } port)
        {
            return port;
        }

        port = PreviousPort() is { } previous && IsFree(previous) ? previous : FreePort();
        var settings = new List<string>
        {
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            // TCP only: no Unix socket, whose path length limit a deep folder could exceed.
            "-c", "unix_socket_directories=''",
        };
        if (!durable)
        {
            settings.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        RunAsServiceUser("pg_ctl", ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", string.Join(' ', settings), "start"], "starting PostgreSQL", ServerEnvironment());
        File.WriteAllText(PortFile, port.ToString(CultureInfo.InvariantCulture));
        return RunningPort() ?? throw new ProvisioningException($"PostgreSQL did not start; see {LogFile}");
    }

    /// <summary>Connection string for a database of this cluster, as the superuser over TCP.</summary>
    public string ConnectionString(string database)
    {
        var port = RunningPort() ?? throw new ProvisioningException($"the cluster in {Directory} is not running");
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = ServiceUser,
            Database = database,
        }.ConnectionString;
    }

    public void Stop()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            RunAsServiceUser("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], "stopping PostgreSQL");
        }
    }

    /// <summary>The port of the running server, read from postmaster.pid, or null when it is not running.</summary>
    public int? RunningPort()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        // pg_ctl refuses to run as root, even to ask for the status.
        var (exitCode, _) = IsRoot
            ? ProcessRunner.Run("runuser", ["-u", ServiceUser, "--", installation.Program("pg_ctl"), "-D", DataDirectory, "status"])
            : ProcessRunner.Run(installation.Program("pg_ctl"), ["-D", DataDirectory, "status"]);
        if (exitCode != 0)
        {
            return null;
        }

        var lines = File.ReadAllLines(pidFile);
        return lines.Length > 3 && int.TryParse(lines[3], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;
    }

    private void Initialise()
    {
        System.IO.Directory.CreateDirectory(Directory);
        if (IsRoot)
        {
            // initdb refuses to run as root: the cluster belongs to the postgres service user.
            ProcessRunner.RunChecked("chown", ["-R", $"{ServiceUser}:{ServiceUser}", Directory], $"giving {Directory} to the {ServiceUser} user");
            var (reachable, _) = ProcessRunner.Run("runuser", ["-u", ServiceUser, "--", "test", "-w", Directory]);
            if (reachable != 0)
            {
                throw new ProvisioningException(
                    $"the {ServiceUser} user cannot write to {Directory}: set DistrictMap:Database:LocalClusterDirectory to a folder it can reach");
            }
        }

        var arguments = new List<string> { "-D", DataDirectory, "-U", ServiceUser, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8" };
        if (!durable)
        {
            arguments.Add("--no-sync");
        }

        RunAsServiceUser("initdb", arguments, "initdb");
    }

    private void RunAsServiceUser(string program, IEnumerable<string> arguments, string what, IDictionary<string, string>? environment = null)
    {
        var path = installation.Program(program);
        if (IsRoot)
        {
            ProcessRunner.RunChecked("runuser", ["-u", ServiceUser, "--", path, .. arguments], what, environment);
        }
        else
        {
            ProcessRunner.RunChecked(path, arguments, what, environment);
        }
    }

    /// <summary>
    /// The server's PROJ search path. Without root, scripts/setup.sh puts the OSTN15 grid (British National Grid
    /// to WGS 84) in PROJ's per-user folder. PROJ searches that folder only when it finds it through HOME or
    /// XDG_DATA_HOME and may write to it, so the server is given it in PROJ_DATA, ahead of the usual data folder,
    /// and PostGIS finds the grid whatever the environment the cluster was started from.
    /// </summary>
    internal static Dictionary<string, string>? ServerEnvironment()
    {
        if (IsRoot)
        {
            return null;
        }

        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        var userFolder = Path.Combine(dataHome, "proj");
        if (!File.Exists(Path.Combine(userFolder, "OSTN15_NTv2_OSGBtoETRS.gsb")))
        {
            return null;
        }

        var current = Environment.GetEnvironmentVariable("PROJ_DATA") is { Length: > 0 } data ? data
            : Environment.GetEnvironmentVariable("PROJ_LIB") is { Length: > 0 } lib ? lib
            : "/usr/share/proj";
        return new Dictionary<string, string> { ["PROJ_DATA"] = $"{userFolder}:{current}" };
    }

    /// <summary>The port the cluster last listened on: a restarted cluster keeps it when it can, so clients reconnect by themselves.</summary>
    private string PortFile => Path.Combine(Directory, "port");

    private int? PreviousPort() =>
        File.Exists(PortFile) && int.TryParse(File.ReadAllText(PortFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 1024 and < 65536
            ? port
            : null;

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
