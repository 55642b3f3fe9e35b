using System.Text.Json.Nodes;
using DistrictMap.Api.Features;
using DistrictMap.Api.Http;

namespace DistrictMap.Api.Ogc;

/// <summary>
/// JSON Schemas (2020-12) of a collection's features, from its declaration: the schema of the features
/// (OGC API - Features - Part 5, with the roles of the id, geometry and time) and the queryables (Part 3).
/// </summary>
public static class FeatureSchemas
{
    public const string MediaType = "application/schema+json";
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";
    public const string SchemaRel = "http://www.opengis.net/def/rel/ogc/1.0/schema";

    /// <summary>The name queryables and filters give the geometry.</summary>
    public const string GeometryName = "geometry";

    public static RouteGroupBuilder MapOgcSchemaEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/collections/{collectionId}/schema", Schema).AllowQuery()
            .Produces<Dictionary<string, object>>(StatusCodes.Status200OK, MediaType)
            .WithName("OgcSchema")
            .WithSummary("Schema of the features")
            .WithDescription("A JSON Schema (2020-12) of the collection's features: each property with its type, format and description, "
                + "and the roles (x-ogc-role) of the id, the geometry and the properties that hold the features' time (OGC API - Features - Part 5).");
        return group;
    }

    public static IResult Queryables(string collectionId, HttpRequest request, FeatureCollectionRegistry registry)
    {
        if (registry.Find(collectionId) is not { } definition)
        {
            return OgcEndpoints.UnknownCollection(collectionId, registry);
        }

        var properties = new JsonObject();
        foreach (var property in definition.Properties.Where(p => p.Queryable || IsTemporal(definition, p)))
        {
            properties[property.Name] = Property(definition, property);
        }

        return Result(Document(request, definition, "queryables", properties));
    }

    private static IResult Schema(string collectionId, HttpRequest request, FeatureCollectionRegistry registry)
    {
        if (registry.Find(collectionId) is not { } definition)
        {
            return OgcEndpoints.UnknownCollection(collectionId, registry);
        }

        var properties = new JsonObject
        {
            ["id"] = new JsonObject { ["title"] = "id", ["description"] = $"The feature's id: {definition.IdDescription}", ["type"] = "string", ["x-ogc-role"] = "id" },
            [GeometryName] = Geometry(),
        };
        foreach (var property in definition.Properties.Where(p => p.Name != GeometryName))
        {
            var schema = Property(definition, property);
            if (property.Name == "id")
            {
                // A declared property named id repeats the feature's id among the properties.
                schema["x-ogc-role"] = "id";
            }

            properties[property.Name] = schema;
        }

        return Result(Document(request, definition, "schema", properties));
    }

    /// <summary>Whether the property holds the start or the end of the features' time.</summary>
    public static bool IsTemporal(FeatureCollectionDefinition definition, FeatureProperty property) =>
        definition.Temporal is { } t && (t.StartProperty == property.Name || t.EndProperty == property.Name);

    private static JsonObject Document(HttpRequest request, FeatureCollectionDefinition definition, string resource, JsonObject properties) => new()
    {
        ["$schema"] = Dialect,
        ["$id"] = Links.Absolute(request, $"/ogc/collections/{definition.Id}/{resource}"),
        ["type"] = "object",
        ["title"] = definition.Title,
        ["description"] = definition.Description,
        ["properties"] = properties,
        ["additionalProperties"] = false,
    };

    private static JsonObject Geometry() => new()
    {
        ["title"] = GeometryName,
        ["description"] = "The feature's geometry",
        ["format"] = "geometry-any",
        ["x-ogc-role"] = "primary-geometry",
    };

    private static JsonObject Property(FeatureCollectionDefinition definition, FeatureProperty property)
    {
        var schema = new JsonObject
        {
            ["title"] = property.Name,
            ["description"] = property.Description,
            ["type"] = OgcEndpoints.JsonType(property.Type),
        };
        if (property.Type == PropertyType.Date)
        {
            schema["format"] = "date";
        }

        if (definition.Temporal is { } temporal)
        {
            if (temporal.StartProperty == property.Name)
            {
                schema["x-ogc-role"] = "primary-interval-start";
            }
            else if (temporal.EndProperty == property.Name)
            {
                schema["x-ogc-role"] = "primary-interval-end";
            }
        }

        return schema;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Result(JsonObject schema) =>
        TypedResults.Text(schema.ToJsonString(), MediaType, System.Text.Encoding.UTF8);
}
