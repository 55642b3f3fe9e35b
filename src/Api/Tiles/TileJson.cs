using System.Text.Json.Serialization;

namespace DistrictMap.Api.Tiles;

/// <summary>A TileJSON 3.0.0 document: where a collection's vector tiles are and what they hold.</summary>
public sealed record TileJson(
    [property: JsonPropertyName("tilejson")] string Version,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("attribution"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Attribution,
    [property: JsonPropertyName("scheme")] string Scheme,
    [property: JsonPropertyName("tiles")] IReadOnlyList<string> Tiles,
    [property: JsonPropertyName("minzoom")] int MinZoom,
    [property: JsonPropertyName("maxzoom")] int MaxZoom,
    [property: JsonPropertyName("bounds"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double[]? Bounds,
    [property: JsonPropertyName("center"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double[]? Center,
    [property: JsonPropertyName("vector_layers")] IReadOnlyList<VectorLayer> VectorLayers);

/// <summary>A layer of the tiles and its fields: each name to its type, String, Number or Boolean (the feature's id is a String).</summary>
public sealed record VectorLayer(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("minzoom")] int MinZoom,
    [property: JsonPropertyName("maxzoom")] int MaxZoom,
    [property: JsonPropertyName("fields")] IReadOnlyDictionary<string, string> Fields);

/// <summary>The collections served as vector tiles, each with its TileJSON and tile URL template.</summary>
public sealed record TileSets(IReadOnlyList<TileSet> Collections);

public sealed record TileSet(string Id, string Title, string TileJson, string Tiles);
