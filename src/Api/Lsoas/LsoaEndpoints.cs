using DistrictMap.Api.Features;
using DistrictMap.Api.Http;

namespace DistrictMap.Api.Lsoas;

/// <summary>/api/lsoas: the LSOAs of a ward or district, and one LSOA in detail.</summary>
public static class LsoaEndpoints
{
    private static readonly ResponseFormat[] ListFormats = [ResponseFormat.Json, ResponseFormat.GeoJson, ResponseFormat.Csv];
    private static readonly ResponseFormat[] DetailFormats = [ResponseFormat.Json, ResponseFormat.GeoJson];

    public static RouteGroupBuilder MapLsoaEndpoints(this RouteGroupBuilder api)
    {
        var lsoas = api.MapGroup("/lsoas").WithTags("LSOAs");
        lsoas.MapGet("/", List).AllowQuery("ward", "district", "geometry").Offers(ListFormats)
            .WithName("ListLsoas")
            .WithSummary("LSOAs of a ward or a district")
            .WithDescription("The LSOAs (latest vintage loaded) counted in a ward (ward=) or lying in a district (district=), "
                + "with their IMD score, rank and decile. JSON, GeoJSON (f=geojson) or CSV (f=csv); geometry=true adds outlines to JSON.")
            .Produces<LsoaList>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType, ResponseFormats.CsvMediaType, ResponseFormats.GeoJsonMediaType);
        lsoas.MapGet("/{code}", Detail).AllowQuery().Offers(DetailFormats)
            .WithName("GetLsoa")
            .WithSummary("One LSOA")
            .WithDescription("An LSOA with its ward (and how it was assigned), every index and domain of every IoD release loaded, "
                + "and its population denominators. JSON, or GeoJSON (f=geojson).")
            .Produces<LsoaDetail>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType, ResponseFormats.GeoJsonMediaType);
        return lsoas;
    }

    private static async Task<IResult> List(HttpRequest request, LsoaQueries queries, string? ward, string? district, string? geometry, CancellationToken cancellationToken)
    {
        var (format, error) = ResponseFormats.Negotiate(request, ListFormats, ResponseFormat.Json);
        if (format is null)
        {
            return Problems.NotAcceptable(error!);
        }

        var wardCode = RequestValues.GssCode(ward, "ward", "E05005031");
        var districtCode = RequestValues.GssCode(district, "district", "E07000111");
        if (wardCode is null && districtCode is null)
        {
            return Problems.BadRequest("Give ward= or district= (GSS codes). For every LSOA, page through /ogc/collections/lsoas/items.");
        }

        var withGeometry = RequestValues.Boolean(geometry, "geometry", fallback: false) || format == ResponseFormat.GeoJson;
        var rows = await queries.SummariesAsync(districtCode, wardCode, null, withGeometry, cancellationToken);
        return format switch
        {
            ResponseFormat.Csv => TableResults.Csv(rows, LsoaSummary.Columns, $"lsoas-{wardCode ?? districtCode}.csv"),
            ResponseFormat.GeoJson => FeatureWriter.ResourceCollection(rows.Select(r => (r.Code, r.Geometry, (object)(r with { Geometry = null })))),
            _ => TypedResults.Json(new LsoaList(districtCode, wardCode, rows)),
        };
    }

    private static async Task<IResult> Detail(HttpRequest request, LsoaQueries queries, string code, CancellationToken cancellationToken)
    {
        var (format, error) = ResponseFormats.Negotiate(request, DetailFormats, ResponseFormat.Json);
        if (format is null)
        {
            return Problems.NotAcceptable(error!);
        }

        var lsoaCode = RequestValues.RequiredGssCode(code, "LSOA", "E01024476");
        var found = await queries.SummariesAsync(null, null, lsoaCode, format == ResponseFormat.GeoJson, cancellationToken);
        if (found is not [var lsoa])
        {
            return Problems.NotFound($"There is no LSOA {lsoaCode} loaded.");
        }

        if (format == ResponseFormat.GeoJson)
        {
            return FeatureWriter.Resource(lsoa.Code, lsoa.Geometry, lsoa with { Geometry = null });
        }

        var place = await queries.PlaceAsync(lsoa.Code, lsoa.Vintage, cancellationToken);
        return TypedResults.Json(new LsoaDetail(
            lsoa.Code,
            lsoa.Name,
            lsoa.Vintage,
            lsoa.District,
            place?.AreaKm2 ?? 0,
            place?.Ward,
            await queries.DeprivationAsync(lsoa.Code, lsoa.Vintage, cancellationToken),
            await queries.PopulationAsync(lsoa.Code, lsoa.Vintage, cancellationToken),
            [
                new Link(Links.Absolute(request, request.Path), "self", ResponseFormats.JsonMediaType),
                new Link(Links.Absolute(request, request.Path, QueryString.Create("f", "geojson")), "alternate", ResponseFormats.GeoJsonMediaType, "The LSOA's outline"),
                new Link(Links.Absolute(request, $"/ogc/collections/lsoas/items/{lsoa.Code}"), "alternate", ResponseFormats.GeoJsonMediaType, "The LSOA in OGC API - Features"),
                .. place?.Ward is { } ward ? [new Link(Links.Absolute(request, $"/api/wards/{ward.Code}"), "up", ResponseFormats.JsonMediaType, ward.Name)] : Array.Empty<Link>(),
            ]));
    }
}
