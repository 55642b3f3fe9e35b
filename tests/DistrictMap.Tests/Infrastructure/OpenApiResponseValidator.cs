using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace DistrictMap.Tests.Infrastructure;

/// <summary>
/// Checks a response against the schema the OpenAPI 3.0 document declares for its operation, status and media type,
/// with JsonSchema.Net (JSON Schema 2020-12). OpenAPI 3.0 schemas are JSON Schema but for nullable, which becomes a
/// "null" type here, and references, which point into the document's components.
/// </summary>
public sealed class OpenApiResponseValidator
{
    private readonly JsonObject document;
    private readonly JsonObject definitions;
    private readonly List<(Regex Pattern, string Path)> paths;

    public OpenApiResponseValidator(string openApiJson)
    {
        document = JsonNode.Parse(openApiJson)!.AsObject();
        definitions = (JsonObject)Convert(document["components"]?["schemas"] ?? new JsonObject())!;
        paths = [.. document["paths"]!.AsObject().Select(p => (new Regex("^" + Regex.Replace(Regex.Escape(p.Key), @"\\\{[^/]+?\}", "[^/]+") + "$"), p.Key))];
    }

    public IReadOnlyCollection<string> Paths => [.. paths.Select(p => p.Path)];

    public JsonObject Document => document;

    /// <summary>The path template an URL path belongs to (the most specific, fewest parameters), or null.</summary>
    public string? TemplateOf(string path) =>
        paths.Where(p => p.Pattern.IsMatch(path)).OrderBy(p => p.Path.Count(c => c == '{')).Select(p => p.Path).FirstOrDefault();

    /// <summary>The problems of a response body against its declared schema: empty when it conforms.</summary>
    public IReadOnlyList<string> Problems(string method, string path, int status, string mediaType, string body)
    {
        var template = TemplateOf(path);
        if (template is null)
        {
            return [$"{method} {path}: no path of the document matches"];
        }

        var responses = document["paths"]![template]![method.ToLowerInvariant()]?["responses"];
        if (responses is null)
        {
            return [$"{method} {template}: the document has no such operation"];
        }

        var response = responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses["default"];
        if (response is null)
        {
            return [$"{method} {template}: status {status} is not a documented response"];
        }

        var schema = response["content"]?[mediaType]?["schema"];
        if (schema is null)
        {
            return [$"{method} {template} {status}: the media type {mediaType} is not documented"];
        }

        var root = (JsonObject)Convert(schema)!;
        root["$defs"] = definitions.DeepClone();
        var results = JsonSchema.FromText(root.ToJsonString()).Evaluate(JsonNode.Parse(body), new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{method} {template} {status} {mediaType}: {d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"))
                .Take(20)];
    }

    /// <summary>An OpenAPI 3.0 schema as JSON Schema 2020-12.</summary>
    private static JsonNode? Convert(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray([.. array.Select(Convert)]);
            case JsonObject source:
                var target = new JsonObject();
                foreach (var (key, value) in source)
                {
                    switch (key)
                    {
                        case "$ref":
                            target[key] = value!.GetValue<string>().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
                            break;
                        case "nullable" or "example" or "xml" or "externalDocs" or "discriminator":
                            break;
                        default:
                            target[key] = Convert(value);
                            break;
                    }
                }

                if (source["nullable"]?.GetValue<bool>() == true && target["type"] is JsonValue type)
                {
                    target["type"] = new JsonArray(type.GetValue<string>(), "null");
                    if (target["enum"] is JsonArray values)
                    {
                        values.Add(null);
                    }
                }

                return target;
            default:
                return node?.DeepClone();
        }
    }
}
