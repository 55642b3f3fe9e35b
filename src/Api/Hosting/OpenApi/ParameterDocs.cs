using System.Text.Json.Nodes;
using DistrictMap.Api.Deprivation;
using Microsoft.OpenApi;

namespace DistrictMap.Api.Hosting.OpenApi;

/// <summary>The documentation of every query and path parameter the API uses, in one place.</summary>
internal static class ParameterDocs
{
    /// <param name="Minimum">The least value; for an array (of numbers, given comma-separated), the fewest items.</param>
    /// <param name="Maximum">The greatest value; for an array, the most items.</param>
    public sealed record Doc(string Description, JsonSchemaType Type, JsonNode? Example, bool Required = false, IReadOnlyList<string>? Values = null, double? Minimum = null, double? Maximum = null);

    public static Doc? Query(string name, int defaultLimit, int maxLimit, double maxSimplify, string? operationId = null) => (name, operationId) switch
    {
        ("limit", "Nearby") => new($"Features returned at most, nearest first, 1 to {Places.NearbyEndpoints.MaxLimit} (default {Places.NearbyEndpoints.DefaultLimit}).", JsonSchemaType.Integer, 100, Minimum: 1, Maximum: Places.NearbyEndpoints.MaxLimit),
        ("limit", "Search") => new($"Results returned at most, best first, 1 to {Search.SearchEndpoints.MaxLimit} (default {Search.SearchEndpoints.DefaultLimit}).", JsonSchemaType.Integer, 10, Minimum: 1, Maximum: Search.SearchEndpoints.MaxLimit),
        ("district", "Search") => new("Only results in this district (GSS code).", JsonSchemaType.String, "E07000111"),
        ("geometry", "Nearby") => new("true adds each feature's geometry, as GeoJSON, to the JSON response.", JsonSchemaType.Boolean, false),
        _ => Query(name, defaultLimit, maxLimit, maxSimplify),
    };

    private static Doc? Query(string name, int defaultLimit, int maxLimit, double maxSimplify) => name switch
    {
        "bbox" => new("Only features that intersect this box: minLon,minLat,maxLon,maxLat in WGS 84 (CRS84); six numbers (with heights) are accepted and the heights ignored.", JsonSchemaType.Array, new JsonArray(0.10, 51.35, 0.25, 51.45), Minimum: 4, Maximum: 6),
        "limit" => new($"Features per page, 1 to {maxLimit} (default {defaultLimit}).", JsonSchemaType.Integer, 10, Minimum: 1, Maximum: maxLimit),
        "offset" => new("Features to skip before the page (default 0). Follow the response's next link rather than computing offsets.", JsonSchemaType.Integer, 0, Minimum: 0),
        "properties" => new("Comma-separated property names to return (default: all).", JsonSchemaType.String, "name,imd_score"),
        "sortby" => new("Comma-separated property names to sort by, with - for descending, such as -imd_score,name (default: by id).", JsonSchemaType.String, "-imd_score"),
        "simplify" => new($"Simplify geometries to this tolerance in metres, topology-preserving, computed in British National Grid (0 to {maxSimplify}).", JsonSchemaType.Number, 50, Minimum: 0, Maximum: maxSimplify),
        "district" => new("GSS code of a local authority district.", JsonSchemaType.String, "E07000111"),
        "ward" => new("GSS code of an electoral ward.", JsonSchemaType.String, "E05005031"),
        "release" => new("English Indices of Deprivation release (default: the latest with ward scores).", JsonSchemaType.String, "IoD2019", Values: ["IoD2019", "IoD2025"]),
        "geometry" => new("true adds each feature's outline, as a GeoJSON geometry, to the JSON response.", JsonSchemaType.Boolean, false),
        "by" => new("The index to rank by (default imd).", JsonSchemaType.String, "imd", Values: DeprivationDomains.All),
        "priority" => new("Only actions of this priority.", JsonSchemaType.String, "people", Values: Plan.PlanVocabulary.Priorities),
        "partner" => new("Only actions this partner leads or supports (a partner id from /api/partners).", JsonSchemaType.Integer, 1),
        "status" => new("Only actions with this status.", JsonSchemaType.String, "in-progress", Values: Plan.PlanVocabulary.Statuses),
        "rag" => new("Only actions with this RAG status.", JsonSchemaType.String, "red", Values: Plan.PlanVocabulary.Rags),
        "tag" => new("Only actions with this tag.", JsonSchemaType.String, "volunteering"),
        "quarter" => new("The quarter to report on (default: the current quarter).", JsonSchemaType.String, "2026-Q3"),
        "area" => new("Only values for this area: a ward or district GSS code.", JsonSchemaType.String, "E05005031"),
        "period" => new("Only values for this period: a quarter such as 2026-Q3, or a year such as 2026.", JsonSchemaType.String, "2026-Q3"),
        "q" => new($"What to find: a postcode (TN13 1AA), a partial postcode (TN13 1), or a place, street, ward or district name, 2 to {Search.SearchEndpoints.MaxQueryLength} characters; misspellings are tolerated.", JsonSchemaType.String, "TN13 1", Required: true),
        "lon" => new("Longitude, WGS 84.", JsonSchemaType.Number, 0.173, Required: true, Minimum: -180, Maximum: 180),
        "lat" => new("Latitude, WGS 84.", JsonSchemaType.Number, 51.398, Required: true, Minimum: -90, Maximum: 90),
        "radius" => new($"Search radius in metres, greater than 0 and at most {Places.NearbyEndpoints.MaxRadius:0} (default {Places.NearbyEndpoints.DefaultRadius:0}).", JsonSchemaType.Number, 2000, Minimum: 0, Maximum: Places.NearbyEndpoints.MaxRadius),
        "kinds" => new($"Comma-separated layers to search (default all): {Places.NearbyEndpoints.KindList} (actions: the plan's actions that have a location).", JsonSchemaType.String, "green-spaces,recycling-sites"),
        _ => OgcParameterDocs.Query(name),
    };

    public static Doc? Path(string name, string operationId) => (name, operationId) switch
    {
        ("collectionId", _) => new("The collection's id (see /ogc/collections).", JsonSchemaType.String, "wards", Required: true),
        ("featureId", _) => new("The feature's id: its GSS code for districts, wards and LSOAs; its number for places (routes, green-spaces, ...).", JsonSchemaType.String, "E05005031", Required: true),
        ("code", "GetDistrict") => new("GSS code of the district.", JsonSchemaType.String, "E07000111", Required: true),
        ("code", "GetWard") => new("GSS code of the ward.", JsonSchemaType.String, "E05005031", Required: true),
        ("code", "GetLsoa") => new("GSS code of the LSOA.", JsonSchemaType.String, "E01024476", Required: true),
        ("code", _) => new("The indicator's code (see /api/indicators).", JsonSchemaType.String, "SAMPLE-VOLUNTEER", Required: true),
        ("id", _) => new("The action's id.", JsonSchemaType.Integer, 1, Required: true),
        ("z", _) => new($"Zoom level, 0 to {Tiles.TileAddress.MaxZoom}.", JsonSchemaType.Integer, 12, Required: true, Minimum: 0, Maximum: Tiles.TileAddress.MaxZoom),
        ("x", _) => new("Tile column from the west, 0 to 2^z - 1 (XYZ scheme).", JsonSchemaType.Integer, 2049, Required: true, Minimum: 0),
        ("y", _) => new("Tile row from the north, 0 to 2^z - 1 (XYZ scheme, as Leaflet, OpenLayers and MapLibre use; not TMS).", JsonSchemaType.Integer, 1365, Required: true, Minimum: 0),
        _ => OgcParameterDocs.Path(name),
    };
}
