namespace DistrictMap.Api.Import.Collect;

/// <summary>Where data comes from. Relative paths are taken from the current directory.</summary>
public sealed class DataOptions
{
    public const string Section = "DistrictMap:Data";

    /// <summary>The district the run command loads, when none is given on the command line.</summary>
    public string? District { get; set; }

    /// <summary>A folder of local copies of the official files; the environment variable DISTRICTMAP_DATA_DIR sets it.</summary>
    public string? Directory { get; set; }

    public string Manifest { get; set; } = "data/geo/sources.json";

    public string LocalLayout { get; set; } = "data/geo/local-data.json";

    /// <summary>Sample content written for a district, such as sample places (<c>{district}-sample-{layer}.geojson</c>).</summary>
    public string SampleDirectory { get; set; } = "data/geo/sample";

    /// <summary>Where collected downloads are kept (git-ignored).</summary>
    public string CacheDirectory { get; set; } = "data/cache";

    /// <summary>Seconds to wait for one download request.</summary>
    public int DownloadTimeoutSeconds { get; set; } = 120;
}
