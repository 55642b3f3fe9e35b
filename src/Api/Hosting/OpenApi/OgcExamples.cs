using System.Text.Json.Nodes;

namespace DistrictMap.Api.Hosting.OpenApi;

/// <summary>Example responses of the OGC API operations beyond Features Part 1 (schemas, tiles).</summary>
internal static class OgcExamples
{
    private static readonly Dictionary<string, string> ByOperation = new()
    {
        ["OgcSchema"] = """{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"http://127.0.0.1:5080/ogc/collections/actions/schema","type":"object","title":"Plan actions","properties":{"id":{"title":"id","type":"string","x-ogc-role":"id"},"geometry":{"title":"geometry","format":"geometry-any","x-ogc-role":"primary-geometry"},"start":{"title":"start","description":"Start date, where set","type":"string","format":"date","x-ogc-role":"primary-interval-start"}},"additionalProperties":false}""",
    };

    public static JsonNode? For(string? operationId) =>
        operationId is not null && ByOperation.TryGetValue(operationId, out var json) ? JsonNode.Parse(json) : null;
}
