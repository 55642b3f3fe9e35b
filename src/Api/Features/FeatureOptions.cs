using System.ComponentModel.DataAnnotations;

namespace DistrictMap.Api.Features;

public sealed class FeatureOptions
{
    public const string Section = "DistrictMap:Features";

    /// <summary>Features per page when a request gives no limit.</summary>
    [Range(1, 100_000)]
    public int DefaultLimit { get; set; } = 10;

    /// <summary>The largest page; a larger limit is served as this many.</summary>
    [Range(1, 100_000)]
    public int MaxLimit { get; set; } = 1000;

    /// <summary>The projected CRS, in metres, in which <c>simplify</c> works (British National Grid by default).</summary>
    public int MetricSrid { get; set; } = 27700;

    /// <summary>The largest simplify tolerance, in metres.</summary>
    [Range(0, 1_000_000)]
    public double MaxSimplifyMetres { get; set; } = 10_000;
}
