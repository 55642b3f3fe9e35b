namespace DistrictMap.Api.Tiles;

/// <summary>The shared tile store, its metrics and seeding.</summary>
internal static class TileStoreServices
{
    public static IServiceCollection AddDistrictMapSharedTiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SharedTileStoreOptions>().Bind(configuration.GetSection(SharedTileStoreOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TileSeedingOptions>().Bind(configuration.GetSection(TileSeedingOptions.Section)).ValidateDataAnnotations().ValidateOnStart()
            .Validate(o => o.MinZoom <= o.MaxZoom, $"{TileSeedingOptions.Section}:MinZoom must not be above MaxZoom.");
        services.AddSingleton<TileMetrics>();
        services.AddSingleton<SharedTileStore>();
        services.AddHostedService(sp => sp.GetRequiredService<SharedTileStore>());
        services.AddHostedService<TileSeeder>();
        return services;
    }
}
