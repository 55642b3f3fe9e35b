using DistrictMap.Api.Import.Collect;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictMap.Tests.Infrastructure;

/// <summary>Loads a district from DISTRICTMAP_DATA_DIR with the repository's manifest and local layout, as the run command does.</summary>
public static class RealDataLoader
{
    public static IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DistrictMap:Data:Manifest"] = Path.Combine(Fixtures.RepositoryRoot, "data/geo/sources.json"),
        ["DistrictMap:Data:LocalLayout"] = Path.Combine(Fixtures.RepositoryRoot, "data/geo/local-data.json"),
        ["DistrictMap:Data:CacheDirectory"] = Path.Combine(Path.GetTempPath(), $"districtmap-cache-{Guid.NewGuid():N}"),
    };

    public static async Task<IReadOnlyList<LoadResult>> LoadAsync(TestDatabase db, string district)
    {
        var results = await db.Services.GetRequiredService<DistrictLoader>().LoadAsync(
            new LoadRequest(district) { DataDirectory = RealData.Directory, Download = DownloadPolicy.Never },
            _ => TestDatabase.NoProgress,
            null,
            CancellationToken.None);
        Assert.All(results, r => Assert.Null(r.Error));
        // Every dataset is imported, or skipped when it is optional and not in the data folder (places and search, collected over the network).
        Assert.All(results, r => Assert.True(r.Summary is not null || r.Skipped is not null, $"{r.DatasetId}: neither imported nor skipped"));
        return results;
    }
}
