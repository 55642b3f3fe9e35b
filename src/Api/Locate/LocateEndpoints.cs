using DistrictMap.Api.Http;
using DistrictMap.Api.Wards;

namespace DistrictMap.Api.Locate;

public sealed record Located(double Lon, double Lat, CodeName? District, CodeName? Ward, CodeName? Lsoa);

/// <summary>/api/locate: which district, ward and LSOA a point is in.</summary>
public static class LocateEndpoints
{
    public static RouteGroupBuilder MapLocateEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/locate", Locate).AllowQuery("lon", "lat").Offers(ResponseFormat.Json)
            .WithTags("Locate")
            .WithName("Locate")
            .WithSummary("The district, ward and LSOA at a point")
            .WithDescription("The loaded district, ward and LSOA (latest vintage) that contain a WGS 84 longitude/latitude. "
                + "404 when the point is outside every loaded district and ward.")
            .Produces<Located>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType);
        return api;
    }

    private static async Task<IResult> Locate(LocateQueries queries, string? lon, string? lat, CancellationToken cancellationToken)
    {
        var x = RequestValues.Number(lon, "lon", -180, 180);
        var y = RequestValues.Number(lat, "lat", -90, 90);
        var located = await queries.LocateAsync(x, y, cancellationToken);
        return located.District is null
            ? Problems.NotFound($"The point ({x}, {y}) is outside every loaded district.")
            : TypedResults.Json(located);
    }
}
