using DistrictMap.Api.Import.Collect;

namespace DistrictMap.Api.Map;

/// <summary>The services behind the map page and its settings.</summary>
internal static class MapServices
{
    public static IServiceCollection AddDistrictMapPage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MapOptions>()
            .Bind(configuration.GetSection(MapOptions.Section))
            // Without a district of its own, the map opens on the one the commands use by default.
            .PostConfigure(o => o.District ??= configuration[$"{DataOptions.Section}:{nameof(DataOptions.District)}"])
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<MapPage>();
        return services;
    }
}
