namespace DistrictMap.Api.Infrastructure.Postgres;

/// <summary>Finds the PostgreSQL server programs and checks that PostGIS is installed for them.</summary>
public sealed record PostgresInstallation(string BinDirectory, int MajorVersion)
{
    /// <summary>The Debian package that provides PostgreSQL with PostGIS for the preferred version.</summary>
    public const string DebianPackage = "postgresql-15-postgis-3";

    private const string DebianRoot = "/usr/lib/postgresql";

    public string Program(string name) => Path.Combine(BinDirectory, name);

    /// <summary>
    /// Locates the server: an explicit bin directory, else Debian's layout, preferring version 15.
    /// Throws a one-line <see cref="ProvisioningException"/> naming the package to install.
    /// </summary>
    public static PostgresInstallation Find(string? binDirectory = null)
    {
        if (!string.IsNullOrWhiteSpace(binDirectory))
        {
            if (!File.Exists(Path.Combine(binDirectory, "initdb")))
            {
                throw new ProvisioningException($"no initdb in {binDirectory}: set DistrictMap:Database:PostgresBinDirectory to a PostgreSQL bin folder");
            }

            var version = int.TryParse(Path.GetFileName(Path.GetDirectoryName(binDirectory.TrimEnd('/'))), out var v) ? v : 0;
            return new PostgresInstallation(binDirectory, version);
        }

        var candidates = Directory.Exists(DebianRoot)
            ? Directory.GetDirectories(DebianRoot)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(c => c.Version > 0 && File.Exists(Path.Combine(c.Dir, "bin", "initdb")))
                .OrderByDescending(c => c.Version == 15)
                .ThenByDescending(c => c.Version)
                .ToList()
            : [];
        if (candidates.Count == 0)
        {
            throw new ProvisioningException($"PostgreSQL server not found: install the Debian package {DebianPackage} (or run scripts/setup.sh)");
        }

        var withPostgis = candidates.FirstOrDefault(c => File.Exists($"/usr/share/postgresql/{c.Version}/extension/postgis.control"));
        if (withPostgis.Dir is null)
        {
            throw new ProvisioningException($"PostGIS not found: install the Debian package postgresql-{candidates[0].Version}-postgis-3 (or run scripts/setup.sh)");
        }

        return new PostgresInstallation(Path.Combine(withPostgis.Dir, "bin"), withPostgis.Version);
    }
}
