using NetTopologySuite.Geometries;

namespace DistrictMap.Api.Import.Features;

/// <summary>
/// One feature as read from a file. A geometry that could not be read is kept as an error, so that
/// it only fails the import when the feature is not filtered out.
/// </summary>
public sealed record SourceFeature(int Number, IReadOnlyDictionary<string, string?> Properties, Geometry? Geometry, string? GeometryError)
{
    public string? Property(string? field) =>
        field is not null && Properties.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>The features of one layer of a file, with the field names and the CRS the file declares.</summary>
public sealed record FeatureSet(string FileName, IReadOnlyList<string> FieldNames, int? DeclaredSrid, IReadOnlyList<SourceFeature> Features);
