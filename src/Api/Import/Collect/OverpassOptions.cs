namespace DistrictMap.Api.Import.Collect;

/// <summary>The Overpass API that OpenStreetMap datasets of the manifest are queried from.</summary>
public sealed class OverpassOptions
{
    public const string Section = "DistrictMap:Overpass";

    /// <summary>The interpreter endpoint, overriding the manifest's URL (such as a self-hosted Overpass server); null keeps the manifest's.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The query's <c>[timeout:N]</c> in seconds, also how long the download may take.</summary>
    public int TimeoutSeconds { get; set; } = 300;
}
