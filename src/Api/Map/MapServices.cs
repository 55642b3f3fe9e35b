namespace DistrictMap.Api.Map;

/// <summary>The services behind the map page.</summary>
internal static class MapServices
{
    public static IServiceCollection AddDistrictMapPage(this IServiceCollection services)
    {
        services.AddSingleton<MapPage>();
        return services;
    }
}
