using System.ComponentModel.DataAnnotations;

namespace DistrictMap.Api.Http;

public sealed class CachingOptions
{
    public const string Section = "DistrictMap:Caching";

    /// <summary>How long shared and private caches may reuse a public read without revalidating.</summary>
    [Range(0, 86_400)]
    public int MaxAgeSeconds { get; set; } = 60;
}
