using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DistrictMap.Api.Hosting.OpenApi;

/// <summary>
/// GeoJSON (RFC 7946) schemas for the OpenAPI document, written here because NetTopologySuite has none:
/// a geometry, a feature, and a feature collection with the OGC API - Features paging members.
/// </summary>
internal sealed class GeoJsonSchemas : IDocumentFilter
{
    public const string Geometry = "GeoJSONGeometry";
    public const string Feature = "GeoJSONFeature";
    public const string FeatureCollection = "GeoJSONFeatureCollection";

    private static readonly OpenApiSchema Position = new()
    {
        Type = JsonSchemaType.Array,
        Description = "A position: longitude, latitude (WGS 84), 6 decimal places.",
        MinItems = 2,
        MaxItems = 3,
        Items = new OpenApiSchema { Type = JsonSchemaType.Number },
    };

    private static OpenApiSchema ArrayOf(IOpenApiSchema items) => new() { Type = JsonSchemaType.Array, Items = items };

    /// <summary>
    /// The geometry schema: an object, or null (nullable beside its type, since OpenAPI 3.0 has no null type for a
    /// oneOf to name).
    /// </summary>
    private static OpenApiSchema GeometrySchema() => new()
    {
        Type = JsonSchemaType.Object | JsonSchemaType.Null,
        Description = "A GeoJSON geometry (RFC 7946 section 3.1), or null where there is none. Polygon exterior rings are counter-clockwise, holes clockwise.",
        Required = new HashSet<string> { "type", "coordinates" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [JsonValue.Create("Point"), JsonValue.Create("MultiPoint"), JsonValue.Create("LineString"), JsonValue.Create("MultiLineString"), JsonValue.Create("Polygon"), JsonValue.Create("MultiPolygon")],
            },
            ["coordinates"] = new OpenApiSchema
            {
                Description = "Positions nested as the geometry type requires: a position, an array of positions, of rings, or of polygons.",
                OneOf = [Position, ArrayOf(Position), ArrayOf(ArrayOf(Position)), ArrayOf(ArrayOf(ArrayOf(Position)))],
            },
        },
    };

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        swaggerDoc.AddComponent(Geometry, GeometrySchema());
        var geometryReference = new OpenApiSchemaReference(Geometry, swaggerDoc);
        var linkReference = new OpenApiSchemaReference("Link", swaggerDoc);
        swaggerDoc.AddComponent(Feature, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A GeoJSON Feature (RFC 7946 section 3.2). The id is the feature's GSS code.",
            Required = new HashSet<string> { "type", "geometry", "properties" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("Feature")] },
                ["id"] = new OpenApiSchema { Type = JsonSchemaType.String, Examples = [JsonValue.Create("E05005031")] },
                ["geometry"] = geometryReference,
                ["properties"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "The collection's properties (see /ogc/collections/{collectionId}).",
                    AdditionalPropertiesAllowed = true,
                },
                ["links"] = ArrayOf(linkReference),
            },
        });
        swaggerDoc.AddComponent(FeatureCollection, new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A GeoJSON FeatureCollection (RFC 7946 section 3.3) with the members of OGC API - Features: "
                + "numberMatched (all features the query matches), numberReturned, timeStamp (when the data last changed) and links (self, alternate, next, prev).",
            Required = new HashSet<string> { "type", "features" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("FeatureCollection")] },
                ["numberMatched"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" },
                ["numberReturned"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" },
                ["timeStamp"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
                ["links"] = ArrayOf(linkReference),
                ["features"] = ArrayOf(new OpenApiSchemaReference(Feature, swaggerDoc)),
            },
        });
    }
}
