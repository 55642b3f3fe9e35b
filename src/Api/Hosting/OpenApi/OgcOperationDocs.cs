using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace DistrictMap.Api.Hosting.OpenApi;

/// <summary>
/// What OGC API operations need beyond the general documentation: the parameter definitions the standards fix
/// (bbox as an array of 4 or 6 numbers, form style without explode: /req/core/fc-bbox-definition, /req/core/fc-time-definition).
/// </summary>
internal static class OgcOperationDocs
{
    private static readonly HashSet<string> FormParameters = ["bbox", "datetime", "limit", "properties", "sortby"];

    public static void Apply(OpenApiOperation operation, OpenApiDocument document)
    {
        OgcTransactionDocs.Apply(operation, document);
        if (operation.OperationId is null || !operation.OperationId.StartsWith("Ogc", StringComparison.Ordinal))
        {
            return;
        }

        if (operation.OperationId is "OgcItems" or "OgcItem" && operation.Responses?["200"] is OpenApiResponse success)
        {
            success.Headers ??= new Dictionary<string, IOpenApiHeader>();
            success.Headers["Content-Crs"] = new OpenApiHeader
            {
                Description = "The CRS of the geometries in GeoJSON, as a URI in angle brackets (OGC API - Features - Part 2).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }

        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query && FormParameters.Contains(p.Name!)))
        {
            parameter.Style = ParameterStyle.Form;
            parameter.Explode = false;
            if (parameter.Name == "bbox")
            {
                parameter.Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    MinItems = 4,
                    MaxItems = 6,
                    Items = new OpenApiSchema { Type = JsonSchemaType.Number },
                    Description = "4 numbers (minLon,minLat,maxLon,maxLat) or 6 (with minimum and maximum heights).",
                };
                parameter.Example = new JsonArray(0.10, 51.35, 0.25, 51.45);
            }
        }
    }
}
