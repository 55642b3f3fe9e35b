using System.Globalization;
using System.Text.Json.Nodes;
using DistrictMap.Api.Features;
using DistrictMap.Api.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DistrictMap.Api.Hosting.OpenApi;

/// <summary>
/// Completes every operation from endpoint metadata: documented parameters (with f and the query parameters an
/// endpoint declares), response schemas per media type (GeoJSON, CSV, HTML), examples, caching headers and the
/// problem details responses.
/// </summary>
internal sealed class ApiDocumentation(IOptions<FeatureOptions> features, FeatureCollectionRegistry collections) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var allowed = metadata.OfType<AllowedQueryParameters>().LastOrDefault()?.Names ?? new HashSet<string>();
        var formats = metadata.OfType<OfferedFormats>().LastOrDefault()?.Formats;
        operation.Parameters ??= [];
        var options = features.Value;

        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            var doc = parameter.In == ParameterLocation.Path
                ? ParameterDocs.Path(parameter.Name!, operation.OperationId!)
                : ParameterDocs.Query(parameter.Name!, options.DefaultLimit, options.MaxLimit, options.MaxSimplifyMetres, operation.OperationId);
            if (doc is not null)
            {
                Describe(parameter, doc);
            }

            if (parameter.Name == "collectionId")
            {
                ((OpenApiSchema)parameter.Schema!).Enum = [.. collections.All.Select(c => (JsonNode)JsonValue.Create(c.Id)!)];
            }
        }

        foreach (var name in allowed.Where(n => n != "f").Order(StringComparer.Ordinal))
        {
            if (operation.Parameters.All(p => p.Name != name) && ParameterDocs.Query(name, options.DefaultLimit, options.MaxLimit, options.MaxSimplifyMetres, operation.OperationId) is { } doc)
            {
                var parameter = new OpenApiParameter { Name = name, In = ParameterLocation.Query };
                Describe(parameter, doc);
                operation.Parameters.Add(parameter);
            }
        }

        if (formats is not null)
        {
            var names = formats.Select(f => f.Name()).ToList();
            operation.Parameters.Add(Describe(
                new OpenApiParameter { Name = "f", In = ParameterLocation.Query },
                new ParameterDocs.Doc(
                    $"Response format: {string.Join(", ", names)} (default {names[0]}). Without f, the Accept header chooses.",
                    JsonSchemaType.String,
                    names[0],
                    Values: names)));
        }

        if (operation.OperationId == "OgcItems")
        {
            operation.Description += " Any queryable property of the collection (see its /queryables) can be given as name=value to keep only features with that value.";
        }

        DocumentResponses(operation, context, formats);
        OgcOperationDocs.Apply(operation, context.Document);
    }

    private static OpenApiParameter Describe(OpenApiParameter parameter, ParameterDocs.Doc doc)
    {
        parameter.Description = doc.Description;
        parameter.Required = doc.Required || parameter.In == ParameterLocation.Path;
        parameter.Example = doc.Example;
        if (doc.Type == JsonSchemaType.Array)
        {
            // Comma-separated numbers, such as bbox=0.1,51.3,0.2,51.4 (form style, not exploded).
            parameter.Style = ParameterStyle.Form;
            parameter.Explode = false;
            parameter.Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema { Type = JsonSchemaType.Number },
                MinItems = (int?)doc.Minimum,
                MaxItems = (int?)doc.Maximum,
            };
            return parameter;
        }

        parameter.Schema = new OpenApiSchema
        {
            Type = doc.Type,
            Enum = doc.Values?.Select(v => (JsonNode)JsonValue.Create(v)!).ToList(),
            Minimum = doc.Minimum?.ToString(CultureInfo.InvariantCulture),
            Maximum = doc.Maximum?.ToString(CultureInfo.InvariantCulture),
        };
        return parameter;
    }

    private static void DocumentResponses(OpenApiOperation operation, OperationFilterContext context, IReadOnlyList<ResponseFormat>? formats)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= [];
        var isRead = context.ApiDescription.HttpMethod is "GET" or "HEAD";
        var successCode = operation.Responses.Keys.FirstOrDefault(k => k.StartsWith('2'));
        if (successCode is not null && operation.Responses[successCode] is OpenApiResponse success)
        {
            success.Description = successCode switch
            {
                "201" => "Created. The Location header names the new resource; its ETag header is the version to send in If-Match.",
                "204" => "Done.",
                _ when isRead => "The resource. Reads carry an ETag tied to the data version; send it back in If-None-Match to get 304 while the data is unchanged.",
                _ => "Done. The ETag header is the resource's new version.",
            };
            success.Content ??= new Dictionary<string, IOpenApiMediaType>();
            foreach (var (mediaType, content) in success.Content.Select(c => (c.Key, (OpenApiMediaType)c.Value)).ToList())
            {
                switch (mediaType)
                {
                    case ResponseFormats.GeoJsonMediaType:
                        var single = operation.OperationId is "GetWard" or "GetLsoa" or "OgcItem" or "OgcCreateAction" or "OgcReplaceAction" or "OgcUpdateAction";
                        content.Schema = new OpenApiSchemaReference(single ? GeoJsonSchemas.Feature : GeoJsonSchemas.FeatureCollection, context.Document);
                        content.Example = Examples.GeoJsonFor(operation.OperationId);
                        break;
                    case ResponseFormats.CsvMediaType:
                        content.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "CSV (RFC 4180), UTF-8, with a header row." };
                        content.Example = JsonValue.Create(Examples.Csv);
                        break;
                    case Tiles.TileEndpoints.MediaType:
                        content.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "A Mapbox Vector Tile 2.1 (protocol buffers)." };
                        content.Example = Examples.For(operation.OperationId);
                        break;
                    case "text/markdown":
                        content.Schema = new OpenApiSchema { Type = JsonSchemaType.String };
                        content.Example = Examples.For(operation.OperationId);
                        break;
                    default:
                        content.Example = Examples.For(operation.OperationId);
                        break;
                }
            }

            if (formats?.Contains(ResponseFormat.GeoJson) == true && !success.Content.ContainsKey(ResponseFormats.GeoJsonMediaType))
            {
                var single = operation.OperationId is "GetWard" or "GetLsoa" or "OgcItem" or "OgcCreateAction" or "OgcReplaceAction" or "OgcUpdateAction";
                success.Content[ResponseFormats.GeoJsonMediaType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchemaReference(single ? GeoJsonSchemas.Feature : GeoJsonSchemas.FeatureCollection, context.Document),
                    Example = Examples.GeoJsonFor(operation.OperationId),
                };
            }

            if (formats?.Contains(ResponseFormat.Html) == true && !success.Content.ContainsKey(ResponseFormats.HtmlMediaType))
            {
                success.Content[ResponseFormats.HtmlMediaType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "An HTML page (f=html)." },
                };
            }

            if (formats?.Contains(ResponseFormat.Csv) == true && !success.Content.ContainsKey(ResponseFormats.CsvMediaType))
            {
                success.Content[ResponseFormats.CsvMediaType] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "CSV (RFC 4180), UTF-8, with a header row (properties only)." },
                    Example = JsonValue.Create(Examples.Csv),
                };
            }

            success.Headers ??= new Dictionary<string, IOpenApiHeader>();
            success.Headers["ETag"] = new OpenApiHeader { Description = "A strong entity tag for the data version and the request, or of the resource's version.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            if (isRead)
            {
                success.Headers["Cache-Control"] = new OpenApiHeader { Description = "public, max-age=60 (configurable).", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
        }

        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        if (isRead)
        {
            operation.Responses["304"] = new OpenApiResponse { Description = "Not modified: the If-None-Match entity tag is still current." };
            AddProblem(operation, "400", "A query parameter is unknown or invalid; detail says what is allowed.", problem, "Unknown query parameter 'colour'. Allowed: district, f, release.");
        }
        else
        {
            AddProblem(operation, "400", "The body or a parameter is invalid; detail (and errors, per field or row) says what is wrong.", problem, "1 problem(s), nothing was written: priority: Give one of the plan's priorities: place, economy, people, environment.");
            AddProblem(operation, "401", "No API key, or an unknown or revoked one.", problem, "Writes need an API key: send it as 'Authorization: Bearer KEY' or 'X-Api-Key: KEY'.");
            AddProblem(operation, "403", "The key may not make this change: a partner key changes only actions its organisation leads.", problem, "Action 3 is led by another organisation.");
            if (operation.OperationId is "ReplaceAction" or "DeleteAction" or "OgcReplaceAction" or "OgcUpdateAction" or "OgcDeleteAction")
            {
                AddProblem(operation, "412", "The If-Match entity tag is stale: the action changed meanwhile.", problem, "Action 3 has changed since that ETag was issued.");
                AddProblem(operation, "428", "If-Match is required.", problem, "Send If-Match with the action's ETag.");
                operation.Parameters!.Add(new OpenApiParameter
                {
                    Name = "If-Match",
                    In = ParameterLocation.Header,
                    Required = true,
                    Description = "The action's ETag, from GET /api/actions/{id} or GET /ogc/collections/actions/items/{featureId}.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }

            if (operation.OperationId is "OgcCreateAction" or "OgcReplaceAction" or "OgcUpdateAction" or "OgcDeleteAction")
            {
                AddProblem(operation, "405", "The collection is read-only (only actions take writes); the Allow header lists the methods it allows.", problem, "The collection wards is read-only: POST is not allowed on its items.");
            }

            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeySecurityScheme, context.Document)] = [] }];
        }

        if (isRead)
        {
            // Reads are public: no security requirement at all.
            operation.Security = [];
        }

        if (metadata.OfType<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>().Any())
        {
            AddProblem(operation, "429", "Too many requests from this client for the moment; the Retry-After header says how many seconds to wait.", problem, "This client has used its budget of requests for the moment; try again in 60 s.");
            ((OpenApiResponse)operation.Responses["429"]).Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before trying again.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
            };
        }
        if (operation.Parameters!.Any(p => p.In == ParameterLocation.Path) || operation.OperationId == "Locate" || operation.OperationId == "RankWards")
        {
            AddProblem(operation, "404", "Nothing was found: detail names what is loaded instead.", problem, "There is no ward E05999999 loaded.");
        }

        if (formats is not null)
        {
            AddProblem(operation, "406", "None of the formats in the Accept header is offered; use f=.", problem, "none of the media types in the Accept header is offered here; use f= with one of: json, csv");
        }

        AddProblem(operation, "503", "The database cannot be reached.", problem, "The database does not answer; try again shortly.");
    }

    public const string ApiKeySecurityScheme = "ApiKey";

    private static void AddProblem(OpenApiOperation operation, string status, string description, IOpenApiSchema schema, string detail) =>
        operation.Responses![status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType
                {
                    Schema = schema,
                    Example = new JsonObject
                    {
                        ["type"] = status switch
                        {
                            "400" => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                            "401" => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
                            "403" => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
                            "404" => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
                            "405" => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
                            "406" => "https://tools.ietf.org/html/rfc9110#section-15.5.7",
                            "412" => "https://tools.ietf.org/html/rfc9110#section-15.5.13",
                            "428" => "https://tools.ietf.org/html/rfc6585#section-3",
                            "429" => "https://tools.ietf.org/html/rfc6585#section-4",
                            _ => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                        },
                        ["title"] = status switch
                        {
                            "400" => "Bad request",
                            "401" => "Unauthorized",
                            "403" => "Forbidden",
                            "404" => "Not found",
                            "405" => "Method not allowed",
                            "406" => "Not acceptable",
                            "412" => "Precondition Failed",
                            "428" => "Precondition Required",
                            "429" => "Too many requests",
                            _ => "Service unavailable",
                        },
                        ["status"] = int.Parse(status, CultureInfo.InvariantCulture),
                        ["detail"] = detail,
                    },
                },
            },
        };
}
