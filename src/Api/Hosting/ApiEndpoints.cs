using DistrictMap.Api.Catalog;
using DistrictMap.Api.Districts;
using DistrictMap.Api.Http;
using DistrictMap.Api.Locate;
using DistrictMap.Api.Plan;
using DistrictMap.Api.Lsoas;
using DistrictMap.Api.Places;
using DistrictMap.Api.Search;
using DistrictMap.Api.Wards;

namespace DistrictMap.Api.Hosting;

internal static class ApiEndpoints
{
    /// <summary>The REST API under /api: public reads, cached by data version, open to any origin.</summary>
    public static RouteGroupBuilder MapRestApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithConditionalGet().WithProblemHandling().RequireCors(ApiServices.ReadCorsPolicy);
        api.MapDistrictEndpoints();
        api.MapWardEndpoints();
        api.MapLsoaEndpoints();
        api.MapLocateEndpoints();
        api.MapNearbyEndpoints();
        api.MapSearchEndpoints();
        api.MapCatalogEndpoints();
        api.MapPlanEndpoints();
        api.MapGet(WardEndpoints.MethodPath["/api".Length..], DeprivationMethod.Serve).AllowQuery("f")
            .WithTags("Wards")
            .WithName("GetWardDeprivationMethod")
            .WithSummary("How ward deprivation is derived")
            .WithDescription("The method behind every ward-level deprivation figure (ward IMD is not an official statistic), as Markdown, "
                + "or as a page of HTML for f=html or a browser's Accept: text/html.")
            .Produces<string>(StatusCodes.Status200OK, "text/markdown", ResponseFormats.HtmlMediaType);
        return api;
    }
}
