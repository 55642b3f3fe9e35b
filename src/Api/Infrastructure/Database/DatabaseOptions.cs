using System.ComponentModel.DataAnnotations;

namespace DistrictMap.Api.Infrastructure.Database;

/// <summary>Where the database is. A configured <c>ConnectionStrings:DistrictMap</c> always wins over the local cluster.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "DistrictMap:Database";
    public const string ConnectionStringName = "DistrictMap";

    /// <summary>Folder of the private cluster started when no connection string is configured.</summary>
    [Required]
    public string LocalClusterDirectory { get; set; } = ".data/postgres";

    /// <summary>Database created in the private cluster.</summary>
    [Required]
    [RegularExpression("^[a-z_][a-z0-9_]*$")]
    public string LocalDatabaseName { get; set; } = "districtmap";

    /// <summary>A PostgreSQL bin folder to use instead of Debian's /usr/lib/postgresql/N/bin.</summary>
    public string? PostgresBinDirectory { get; set; }

    /// <summary>
    /// Seconds to wait for a new connection unless the connection string sets Timeout: short, so that
    /// requests fail fast with 503 while the database is unreachable.
    /// </summary>
    [Range(1, 600)]
    public int ConnectTimeoutSeconds { get; set; } = 2;

    /// <summary>Apply pending migrations when the web host starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
