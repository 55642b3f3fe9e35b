using System.Text.RegularExpressions;

namespace DistrictMap.Api.Features;

public enum PropertyType
{
    Text,
    WholeNumber,
    Number,
    TrueFalse,
    /// <summary>A calendar day (an SQL date), written as YYYY-MM-DD.</summary>
    Date,
}

/// <summary>A property of a collection's features: its name on the wire and the SQL that computes it.</summary>
/// <param name="Name">The property name in GeoJSON, CSV and query parameters.</param>
/// <param name="Expression">SQL over the collection's FROM clause (declared in code, never from a request).</param>
/// <param name="Queryable">Whether <c>name=value</c> filters on it.</param>
public sealed record FeatureProperty(string Name, string Expression, PropertyType Type, string Description, bool Queryable = false);

/// <summary>
/// A feature collection, served through OGC API - Features (<c>/ogc/collections/{id}</c>) and the tiles and
/// REST machinery. Adding a collection is a declaration of this record, registered with
/// <see cref="FeatureCollectionServiceCollectionExtensions.AddFeatureCollection"/>; no endpoint code is written for it.
/// </summary>
public sealed record FeatureCollectionDefinition
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    /// <summary>The SQL FROM clause the features are selected from.</summary>
    public required string From { get; init; }
    /// <summary>A condition every feature meets (such as the current LSOA vintage), or null.</summary>
    public string? Where { get; init; }
    public required string IdExpression { get; init; }
    /// <summary>What a feature id looks like; a malformed id is refused with a 400.</summary>
    public required Regex IdPattern { get; init; }
    public required string IdDescription { get; init; }
    /// <summary>The geometry, in EPSG:4326.</summary>
    public required string GeometryExpression { get; init; }
    public required IReadOnlyList<FeatureProperty> Properties { get; init; }
    /// <summary>Dataset kinds whose licences and attributions apply (see the datasets table).</summary>
    public required IReadOnlyList<string> DatasetKinds { get; init; }
    /// <summary>Keywords for catalogues.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>
    /// The properties a map needs, by name: the only ones carried in the collection's vector tiles (besides the id),
    /// so that tiles stay small. Null carries every property.
    /// </summary>
    public IReadOnlyList<string>? TileProperties { get; init; }
    /// <summary>
    /// Where the table of the geometry keeps it in Web Mercator (and simplified for the zoom bands) for the tiles, or
    /// null when the geometry is computed, and tiles then project each feature as they read it.
    /// </summary>
    public Tiles.TileGeometry? TileGeometry { get; init; }
    /// <summary>
    /// When the features hold, which <c>datetime</c> filters on; null when they are not tied to a time, and then
    /// every <c>datetime</c> matches every feature.
    /// </summary>
    public FeatureTemporal? Temporal { get; init; }

    public FeatureProperty? Property(string name) => Properties.FirstOrDefault(p => p.Name == name);

    /// <summary>The name queryables, schemas and filters give the geometry.</summary>
    public const string GeometryQueryable = "geometry";

    /// <summary>
    /// The properties CQL2 filters and the queryables resource offer: those declared queryable and those that hold the
    /// start or end of the features' time (the temporal queryables); the geometry is offered besides, as <see cref="GeometryQueryable"/>.
    /// </summary>
    public IEnumerable<FeatureProperty> FilterQueryables => Properties.Where(p => p.Queryable || IsTemporal(p));

    /// <summary>Whether the property holds the start or the end of the features' time.</summary>
    public bool IsTemporal(FeatureProperty property) =>
        Temporal is { } t && (t.StartProperty == property.Name || t.EndProperty == property.Name);
}
