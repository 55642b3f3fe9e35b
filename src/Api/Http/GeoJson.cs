using System.Text.Json;

namespace DistrictMap.Api.Http;

/// <summary>GeoJSON (RFC 7946) responses built from rows whose geometry PostGIS wrote as GeoJSON.</summary>
public static class GeoJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IResult FeatureCollection(IEnumerable<(string Id, JsonElement? Geometry, object Properties)> features) =>
        TypedResults.Json(
            new
            {
                type = "FeatureCollection",
                features = features.Select(f => Build(f.Id, f.Geometry, f.Properties)),
            },
            Options,
            ResponseFormats.GeoJsonMediaType);

    public static IResult Feature(string id, JsonElement? geometry, object properties) =>
        TypedResults.Json(Build(id, geometry, properties), Options, ResponseFormats.GeoJsonMediaType);

    private static object Build(string id, JsonElement? geometry, object properties) =>
        new { type = "Feature", id, geometry, properties };
}
