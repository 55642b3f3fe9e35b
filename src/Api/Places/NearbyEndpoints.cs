using DistrictMap.Api.Features;
using System.Globalization;
using DistrictMap.Api.Http;
using DistrictMap.Api.Deprivation;
using DistrictMap.Api.Locate;
using DistrictMap.Api.Operations;
using DistrictMap.Api.Plan;
using DistrictMap.Api.Wards;

namespace DistrictMap.Api.Places;

/// <summary>The ward of the point; <see cref="Focus"/> says whether it is a focus ward of the plan (null without deprivation data).</summary>
public sealed record NearbyWard(string Code, string Name, bool? Focus);

/// <summary>What is near a point: the district, ward and LSOA it is in, and the places within the radius, nearest first.</summary>
public sealed record Nearby(double Lon, double Lat, double Radius, CodeName? District, NearbyWard? Ward, CodeName? Lsoa, IReadOnlyList<NearbyFeature> Features);

/// <summary>/api/nearby: "what is near me?" for residents.</summary>
public static class NearbyEndpoints
{
    public const double DefaultRadius = 2000;
    public const double MaxRadius = 20_000;
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    private static readonly ResponseFormat[] Formats = [ResponseFormat.Json, ResponseFormat.GeoJson];

    public static readonly string KindList = string.Join(", ", PlaceLayers.All.Select(l => l.Id()).Append(NearbyKinds.ActionsKind));

    public static RouteGroupBuilder MapNearbyEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/nearby", Nearby).RequireRateLimiting(RateLimits.ExpensiveReads).AllowQuery("lon", "lat", "radius", "kinds", "limit", "geometry").Offers(Formats)
            .WithTags("Places")
            .WithName("Nearby")
            .WithSummary("Places near a point, nearest first")
            .WithDescription("Routes, green spaces, town-centre projects, recycling sites, activities and the plan's actions (those with a location) within radius metres of a WGS 84 "
                + "longitude/latitude, sorted by true distance on the ellipsoid to the nearest point of each line or polygon (0 inside it), "
                + "with the district, ward and LSOA the point is in (null outside every loaded one). kinds chooses layers (default all). "
                + "Features with sample=true are sample content, not real data. JSON, or GeoJSON (f=geojson).")
            .Produces<Nearby>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType, ResponseFormats.GeoJsonMediaType);
        return api;
    }

    private static async Task<IResult> Nearby(
        HttpRequest request,
        NearbyQueries queries,
        LocateQueries locate,
        ReleaseResolver releases,
        FocusWardRule focus,
        string? lon,
        string? lat,
        string? radius,
        string? kinds,
        string? limit,
        string? geometry,
        CancellationToken cancellationToken)
    {
        var (format, error) = ResponseFormats.Negotiate(request, Formats, ResponseFormat.Json);
        if (format is null)
        {
            return Problems.NotAcceptable(error!);
        }

        var x = RequestValues.Number(lon, "lon", -180, 180);
        var y = RequestValues.Number(lat, "lat", -90, 90);
        var metres = Radius(radius);
        var layers = Kinds(kinds);
        var count = RequestValues.Limit(limit, DefaultLimit, MaxLimit);
        var withGeometry = format == ResponseFormat.GeoJson || RequestValues.Boolean(geometry, "geometry", fallback: false);

        var located = await locate.LocateAsync(x, y, cancellationToken);
        var features = (await queries.NearbyAsync(x, y, metres, layers, count, withGeometry, cancellationToken))
            .Select(f => f with { Href = Links.Absolute(request, $"/ogc/collections/{f.Kind}/items/{f.Id}") })
            .ToList();
        if (format == ResponseFormat.GeoJson)
        {
            return FeatureWriter.ResourceCollection(features.Select(f => ($"{f.Kind}/{f.Id}", f.Geometry, (object)(f with { Geometry = null }))));
        }

        return TypedResults.Json(new Nearby(
            x,
            y,
            metres,
            located.District,
            located.Ward is { } ward ? new NearbyWard(ward.Code, ward.Name, await IsFocusAsync(located.District, ward.Code, releases, focus, cancellationToken)) : null,
            located.Lsoa,
            features));
    }

    private static async Task<bool?> IsFocusAsync(CodeName? district, string ward, ReleaseResolver releases, FocusWardRule focus, CancellationToken cancellationToken)
    {
        var release = district is null ? null : await releases.ResolveAsync(null, district.Code, cancellationToken);
        return release is null ? null : (await focus.StandingsAsync(district!.Code, release, cancellationToken)).FirstOrDefault(s => s.Code == ward)?.IsFocus;
    }

    private static double Radius(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultRadius;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var metres) && double.IsFinite(metres) && metres is > 0 and <= MaxRadius
            ? metres
            : throw new BadRequestException($"radius '{Text.Shorten(value)}' must be a distance in metres greater than 0 and at most {MaxRadius:0} (default {DefaultRadius:0}).");
    }


    private static NearbyKinds Kinds(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new NearbyKinds(new HashSet<PlaceLayer>(PlaceLayers.All), Actions: true);
        }

        var layers = new HashSet<PlaceLayer>();
        var actions = false;
        foreach (var kind in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(k => k.ToLowerInvariant()))
        {
            if (kind == NearbyKinds.ActionsKind)
            {
                actions = true;
                continue;
            }

            layers.Add(PlaceLayers.FromId(kind)
                ?? throw new BadRequestException($"kinds: '{Text.Shorten(kind)}' is not a kind. Give a comma-separated list of: {KindList}."));
        }

        return layers.Count > 0 || actions ? new NearbyKinds(layers, actions) : throw new BadRequestException($"kinds is empty: give a comma-separated list of: {KindList}.");
    }
}
