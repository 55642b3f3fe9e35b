using DistrictMap.Api.Features;
using DistrictMap.Api.Deprivation;
using DistrictMap.Api.Http;
using DistrictMap.Api.Plan;
using DistrictMap.Api.Places;

namespace DistrictMap.Api.Wards;

/// <summary>/api/wards: wards with their deprivation summary, the district ranking, and ward profiles.</summary>
public static class WardEndpoints
{
    public const string MethodPath = "/api/methods/ward-deprivation";

    private static readonly ResponseFormat[] ListFormats = [ResponseFormat.Json, ResponseFormat.GeoJson, ResponseFormat.Csv];
    private static readonly ResponseFormat[] RankingFormats = [ResponseFormat.Json, ResponseFormat.Csv];
    private static readonly ResponseFormat[] ProfileFormats = [ResponseFormat.Json, ResponseFormat.GeoJson];

    public static RouteGroupBuilder MapWardEndpoints(this RouteGroupBuilder api)
    {
        var wards = api.MapGroup("/wards").WithTags("Wards");
        wards.MapGet("/", List).AllowQuery("district", "release", "geometry").Offers(ListFormats)
            .WithName("ListWards")
            .WithSummary("Wards with their deprivation summary")
            .WithDescription("Every ward (of one district with district=), with its population-weighted IMD score, rank in its district, "
                + "worst LSOA decile and LSOAs in the most deprived 10/20/30% nationally. JSON, GeoJSON (f=geojson) or CSV (f=csv); "
                + "geometry=true adds outlines to JSON. Ward-level deprivation is derived from LSOAs and is not an official statistic.")
            .Produces<WardList>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType, ResponseFormats.CsvMediaType, ResponseFormats.GeoJsonMediaType);
        wards.MapGet("/ranking", Ranking).AllowQuery("by", "district", "release").Offers(RankingFormats)
            .WithName("RankWards")
            .WithSummary("Wards of a district ranked by deprivation")
            .WithDescription("The wards of a district ranked on the IMD or one of its domains (by=), 1 = most deprived, "
                + "with the score the rank is based on and each ward's places measures (route length by kind, green space, "
                + "population near public green space, projects, activities and recycling sites). JSON or CSV (f=csv).")
            .Produces<WardRanking>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType, ResponseFormats.CsvMediaType);
        wards.MapGet("/{code}", Profile).AllowQuery("release").Offers(ProfileFormats)
            .WithName("GetWard")
            .WithSummary("A ward's profile")
            .WithDescription("A ward's deprivation summary, each index and domain, the LSOAs counted in it, its neighbouring wards "
                + "and its places measures (route length by kind, green-space area and per 1,000 residents, the share of residents "
                + "within 400 m and 1 km of a public green space, and counts of projects, activities and recycling sites). "
                + "JSON, or GeoJSON (f=geojson) for the ward's outline with its summary.")
            .Produces<WardProfile>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType, ResponseFormats.GeoJsonMediaType);
        return wards;
    }

    private static async Task<IResult> List(HttpRequest request, WardQueries queries, ReleaseResolver releases, string? district, string? release, string? geometry, CancellationToken cancellationToken)
    {
        var (format, error) = ResponseFormats.Negotiate(request, ListFormats, ResponseFormat.Json);
        if (format is null)
        {
            return Problems.NotAcceptable(error!);
        }

        var districtCode = RequestValues.GssCode(district, "district", "E07000111");
        var withGeometry = RequestValues.Boolean(geometry, "geometry", fallback: false) || format == ResponseFormat.GeoJson;
        if (districtCode is not null && !await queries.DistrictExistsAsync(districtCode, cancellationToken))
        {
            return Problems.NotFound($"There is no district {districtCode} loaded. Districts with wards: {string.Join(", ", await queries.DistrictsWithWardsAsync(cancellationToken))}.");
        }

        var releaseCode = await releases.ResolveAsync(release, districtCode, cancellationToken);
        var rows = await queries.SummariesAsync(districtCode, null, releaseCode, withGeometry, cancellationToken);
        return format switch
        {
            ResponseFormat.Csv => TableResults.Csv(rows, WardSummary.Columns, $"wards-{districtCode ?? "all"}.csv"),
            ResponseFormat.GeoJson => FeatureWriter.ResourceCollection(rows.Select(r => (r.Code, r.Geometry, (object)(r with { Geometry = null })))),
            _ => TypedResults.Json(new WardList(districtCode, releaseCode, Links.Absolute(request, MethodPath), rows)),
        };
    }

    private static async Task<IResult> Ranking(HttpRequest request, WardQueries queries, WardsOfDistrict districts, WardPlacesQueries places, ReleaseResolver releases, string? by, string? district, string? release, CancellationToken cancellationToken)
    {
        var (format, error) = ResponseFormats.Negotiate(request, RankingFormats, ResponseFormat.Json);
        if (format is null)
        {
            return Problems.NotAcceptable(error!);
        }

        var domain = RequestValues.OneOf(by, "by", DeprivationDomains.All, DeprivationDomains.Imd);
        var districtCode = await districts.ResolveAsync(district, cancellationToken);

        var releaseCode = await releases.ResolveAsync(release, districtCode, cancellationToken);
        if (releaseCode is null)
        {
            return Problems.NotFound($"No deprivation data is loaded for district {districtCode}.");
        }

        var measures = await places.ForDistrictAsync(districtCode, cancellationToken);
        var rows = (await queries.RankingAsync(districtCode, releaseCode, domain, cancellationToken))
            .Select(r => r.WithPlaces(measures.GetValueOrDefault(r.Code)))
            .ToList();
        return format == ResponseFormat.Csv
            ? TableResults.Csv(rows, WardRank.Columns, $"ward-ranking-{districtCode}-{domain}-{releaseCode}.csv")
            : TypedResults.Json(new WardRanking(districtCode, releaseCode, domain, Links.Absolute(request, MethodPath), rows));
    }

    private static async Task<IResult> Profile(
        HttpRequest request,
        WardQueries queries,
        ReleaseResolver releases,
        FocusWardRule focus,
        ActionQueries actions,
        PlanReads plan,
        WardPlacesQueries places,
        string code,
        string? release,
        CancellationToken cancellationToken)
    {
        var (format, error) = ResponseFormats.Negotiate(request, ProfileFormats, ResponseFormat.Json);
        if (format is null)
        {
            return Problems.NotAcceptable(error!);
        }

        var wardCode = RequestValues.RequiredGssCode(code, "ward", "E05005031");
        var district = await queries.DistrictOfAsync(wardCode, cancellationToken);
        if (district is null)
        {
            return Problems.NotFound($"There is no ward {wardCode} loaded.");
        }

        var releaseCode = await releases.ResolveAsync(release, district.Code, cancellationToken);
        var summary = (await queries.SummariesAsync(null, wardCode, releaseCode, format == ResponseFormat.GeoJson, cancellationToken)).Single();
        if (format == ResponseFormat.GeoJson)
        {
            return FeatureWriter.Resource(summary.Code, summary.Geometry, summary with { Geometry = null });
        }

        var standing = releaseCode is null ? null : (await focus.StandingsAsync(district.Code, releaseCode, cancellationToken)).FirstOrDefault(s => s.Code == wardCode);
        var profile = new WardProfile(
            summary.Code,
            summary.Name,
            district,
            summary.AreaKm2,
            releaseCode,
            Links.Absolute(request, MethodPath),
            summary,
            new WardFocus(standing?.IsFocus ?? false, standing?.Reasons ?? []),
            releaseCode is null ? [] : await queries.DomainsAsync(wardCode, releaseCode, cancellationToken),
            await queries.LsoasAsync(wardCode, releaseCode, cancellationToken),
            await queries.NeighboursAsync(wardCode, cancellationToken),
            [.. (await actions.ListAsync(new ActionFilter { Ward = wardCode }, false, cancellationToken)).Select(a => a.Action)],
            await plan.WardIndicatorsAsync(wardCode, cancellationToken),
            [
                new Link(Links.Absolute(request, request.Path), "self", ResponseFormats.JsonMediaType),
                new Link(Links.Absolute(request, request.Path, QueryString.Create("f", "geojson")), "alternate", ResponseFormats.GeoJsonMediaType, "The ward's outline"),
                new Link(Links.Absolute(request, $"/ogc/collections/wards/items/{wardCode}"), "alternate", ResponseFormats.GeoJsonMediaType, "The ward in OGC API - Features"),
                new Link(Links.Absolute(request, $"/api/districts/{district.Code}"), "up", ResponseFormats.JsonMediaType, district.Name),
                new Link(Links.Absolute(request, $"/api/lsoas", QueryString.Create("ward", wardCode)), "related", ResponseFormats.JsonMediaType, "The ward's LSOAs"),
            ],
            await places.ForWardAsync(wardCode, cancellationToken));
        return TypedResults.Json(profile);
    }
}
