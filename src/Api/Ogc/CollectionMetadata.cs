using DistrictMap.Api.Datasets;
using DistrictMap.Api.Features;
using DistrictMap.Api.Http;

namespace DistrictMap.Api.Ogc;

/// <summary>A collection's metadata as OGC API - Features describes it: extents, links, licences, CRSs.</summary>
public static class CollectionMetadata
{
    /// <summary>The reference system of temporal extents: the Gregorian calendar of ISO 8601.</summary>
    public const string Gregorian = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";

    public static async Task<CollectionInfo> DescribeAsync(HttpRequest request, FeatureCollectionDefinition definition, FeatureStore store, IReadOnlyList<DatasetSource> sources, CancellationToken cancellationToken)
    {
        var version = request.HttpContext.DataVersion() ?? new DataVersion(0, DateTimeOffset.UnixEpoch);
        var extent = await store.ExtentAsync(definition, version, cancellationToken);
        var (start, end) = await store.TemporalExtentAsync(definition, version, cancellationToken);
        var temporal = definition.Temporal is null || (start is null && end is null) ? null : new TemporalExtent([[Instant(start), Instant(end)]], Gregorian);
        var mine = sources.Where(s => definition.DatasetKinds.Contains(s.Kind)).ToList();
        var path = $"/ogc/collections/{definition.Id}";
        var links = new List<Link>
        {
            new(Links.Absolute(request, path), "self", ResponseFormats.JsonMediaType, definition.Title),
            new(Links.Absolute(request, path, QueryString.Create("f", "html")), "alternate", ResponseFormats.HtmlMediaType, $"{definition.Title} as HTML"),
            new(Links.Absolute(request, $"{path}/items"), "items", ResponseFormats.GeoJsonMediaType, $"{definition.Title} as GeoJSON"),
            new(Links.Absolute(request, $"{path}/items", QueryString.Create("f", "html")), "items", ResponseFormats.HtmlMediaType, $"{definition.Title} as HTML"),
            new(Links.Absolute(request, $"{path}/items", QueryString.Create("f", "csv")), "items", ResponseFormats.CsvMediaType, $"{definition.Title} as CSV"),
            new(Links.Absolute(request, $"{path}/queryables"), "http://www.opengis.net/def/rel/ogc/1.0/queryables", FeatureSchemas.MediaType, "Queryable properties"),
            new(Links.Absolute(request, $"{path}/schema"), FeatureSchemas.SchemaRel, FeatureSchemas.MediaType, "Schema of the features (JSON Schema)"),
            new(Links.Absolute(request, TileSetMetadata.TilesetsPath(definition.Id)), "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", ResponseFormats.JsonMediaType, $"{definition.Title} as vector tiles (OGC API - Tiles)"),
        };
        links.AddRange(mine.Where(s => s.LicenceUrl is not null).DistinctBy(s => s.LicenceUrl)
            .Select(s => new Link(s.LicenceUrl!, "license", ResponseFormats.HtmlMediaType, s.Licence)));
        return new CollectionInfo(
            definition.Id,
            definition.Title,
            definition.Description,
            definition.Keywords,
            mine.Count > 0 ? string.Join(" ", mine.Select(s => s.Attribution).Distinct()) : null,
            extent is null ? null : new Extent(new SpatialExtent([[extent.West, extent.South, extent.East, extent.North]], OgcEndpoints.Crs84), temporal),
            "feature",
            [.. CoordinateReferenceSystem.All.Select(c => c.Uri)],
            links)
        {
            StorageCrs = CoordinateReferenceSystem.Crs84.Uri,
        };
    }

    private static string? Instant(DateTime? instant) =>
        instant?.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record SpatialExtent(double[][] Bbox, string Crs);

public sealed record TemporalExtent(string?[][] Interval, string Trs);

public sealed record Extent(
    SpatialExtent Spatial,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] TemporalExtent? Temporal = null);

/// <summary>A collection as OGC API - Features describes it.</summary>
public sealed record CollectionInfo(
    string Id,
    string Title,
    string Description,
    IReadOnlyList<string> Keywords,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Attribution,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] Extent? Extent,
    string ItemType,
    IReadOnlyList<string> Crs,
    IReadOnlyList<Link> Links)
{
    /// <summary>The CRS the features are stored in: coordinates in it need no transformation (Part 2).</summary>
    public string? StorageCrs { get; init; }
}
