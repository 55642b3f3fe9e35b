using DistrictMap.Api.Features;
using DistrictMap.Api.Geography;
using DistrictMap.Api.Places;
using DistrictMap.Api.Plan;

namespace DistrictMap.Api.Hosting;

/// <summary>Every collection the service declares, for the web application and the command line alike.</summary>
internal static class CollectionSetup
{
    public static IServiceCollection AddDistrictMapCollections(this IServiceCollection services) =>
        services.AddGeographyCollections().AddPlacesCollections().AddFeatureCollection(PlanCollections.Actions);
}
