using System.Text.Json.Nodes;
using DistrictMap.Api.Http;
using DistrictMap.Api.Ogc;
using Microsoft.OpenApi;

namespace DistrictMap.Api.Hosting.OpenApi;

/// <summary>
/// The request bodies and headers of OGC API - Features - Part 4 on the actions collection: a GeoJSON Feature for create
/// and replace, a JSON Merge Patch for update, the Content-Crs of the body, and Content-Crs on the feature returned.
/// </summary>
internal static class OgcTransactionDocs
{
    private const string ActionFeature = """
        {"type":"Feature","geometry":{"type":"Point","coordinates":[0.1903,51.2723]},
         "properties":{"title":"Sample: more youth sessions in Swanley","priority":"people","status":"planned",
           "lead_partner_id":3,"district":"E07000111","wards":["E05005031"],"district_wide":false,"tags":["youth"],
           "start":"2025-04-01","due":"2026-03-31"}}
        """;

    private const string ActionRead = """
        {"type":"Feature","id":"12","geometry":{"type":"Point","coordinates":[0.1903,51.2723]},
         "properties":{"id":12,"title":"Sample: more youth sessions in Swanley","priority":"people","status":"planned","rag":null,
           "start":"2025-04-01","due":"2026-03-31","lead_partner":"Sample partner","district":"E07000111","wards":"E05005031",
           "tags":"youth","district_wide":false,"sample":true},
         "links":[{"href":"http://127.0.0.1:5080/ogc/collections/actions/items/12","rel":"self","type":"application/geo+json","title":"This feature"}]}
        """;

    private const string ActionPatch = """{"properties":{"status":"in-progress","rag":"amber"}}""";

    public static void Apply(OpenApiOperation operation, OpenApiDocument document)
    {
        if (operation.OperationId is not ("OgcCreateAction" or "OgcReplaceAction" or "OgcUpdateAction" or "OgcDeleteAction"))
        {
            return;
        }

        // The collection is read by the endpoint filter that refuses read-only collections, not bound by the handler.
        operation.Parameters ??= [];
        if (!operation.Parameters.Any(p => p.Name == "collectionId"))
        {
            operation.Parameters.Insert(0, new OpenApiParameter
            {
                Name = "collectionId",
                In = ParameterLocation.Path,
                Required = true,
                Description = "The collection: actions (the other collections are read-only and answer 405).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = JsonValue.Create("actions"),
            });
        }

        if (operation.OperationId is "OgcCreateAction" or "OgcReplaceAction")
        {
            var feature = new OpenApiMediaType { Schema = new OpenApiSchemaReference(GeoJsonSchemas.Feature, document), Example = JsonNode.Parse(ActionFeature) };
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "The action as a GeoJSON Feature: geometry its location (or null), properties its fields under the names of the collection's schema.",
                Content = new Dictionary<string, IOpenApiMediaType> { [ResponseFormats.GeoJsonMediaType] = feature, [ResponseFormats.JsonMediaType] = feature },
            };
        }
        else if (operation.OperationId == "OgcUpdateAction")
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "A JSON Merge Patch (RFC 7396) of the action's feature: the members to change, null to remove one.",
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    [OgcTransactionEndpoints.MergePatchMediaType] = new OpenApiMediaType
                    {
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalPropertiesAllowed = true },
                        Example = JsonNode.Parse(ActionPatch),
                    },
                },
            };
        }

        if (operation.RequestBody is not null)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "Content-Crs",
                In = ParameterLocation.Header,
                Description = "The CRS of the body's geometry, as a URI in angle brackets (CRS84 when not given): any CRS the collection lists in crs.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = JsonValue.Create($"<{Features.CoordinateReferenceSystem.BritishNationalGrid.Uri}>"),
            });
        }

        foreach (var response in (operation.Responses ?? []).Where(r => r.Key is "200" or "201").Select(r => r.Value).OfType<OpenApiResponse>())
        {
            response.Content ??= new Dictionary<string, IOpenApiMediaType>();
            if (!response.Content.ContainsKey(ResponseFormats.GeoJsonMediaType))
            {
                response.Content[ResponseFormats.GeoJsonMediaType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(GeoJsonSchemas.Feature, document) };
            }

            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["Content-Crs"] = new OpenApiHeader
            {
                Description = "The CRS of the feature's geometry, as a URI in angle brackets.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
            if (response.Content?.TryGetValue(ResponseFormats.GeoJsonMediaType, out var content) == true && content is OpenApiMediaType geoJson)
            {
                geoJson.Example = JsonNode.Parse(ActionRead);
            }

            if (response.Headers.TryGetValue("ETag", out var etag) && etag is OpenApiHeader header)
            {
                header.Description = "The action's version (such as \"a12-3456\"): send it in If-Match to replace, update or delete it.";
            }
        }

        if (operation.OperationId == "OgcCreateAction" && operation.Responses?["201"] is OpenApiResponse created)
        {
            created.Headers!["Location"] = new OpenApiHeader { Description = "The new feature: /ogc/collections/actions/items/{featureId}.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
    }
}
