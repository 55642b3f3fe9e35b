namespace DistrictMap.Api.Features;

/// <summary>The declared feature collections, by id, in declaration order.</summary>
public sealed class FeatureCollectionRegistry(IEnumerable<FeatureCollectionDefinition> definitions)
{
    private readonly IReadOnlyList<FeatureCollectionDefinition> all = [.. definitions];

    public IReadOnlyList<FeatureCollectionDefinition> All => all;

    public FeatureCollectionDefinition? Find(string id) => all.FirstOrDefault(c => c.Id == id);
}

public static class FeatureCollectionServiceCollectionExtensions
{
    /// <summary>Declares a feature collection: it is then served under /ogc/collections/{id}.</summary>
    public static IServiceCollection AddFeatureCollection(this IServiceCollection services, FeatureCollectionDefinition definition) =>
        services.AddSingleton(definition);
}
