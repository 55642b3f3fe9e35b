using NetTopologySuite.Geometries;

namespace DistrictMap.Api.Places.Import;

/// <summary>
/// One place read from a file, checked and ready to write: its identity in the source, how messages name it
/// (<c>feature 3</c>, <c>way 123</c>), its geometry in the file's CRS, and its values by column name.
/// </summary>
/// <param name="Values">Column values: text, numbers (double), dates (yyyy-MM-dd text) and lists (string arrays).</param>
public sealed record PlaceRecord(int Ordinal, string SourceId, string Label, Geometry Geometry, IReadOnlyDictionary<string, object?> Values, bool Sample);

/// <summary>A column of a place table that imports fill, and how its value is read from the staged record.</summary>
internal sealed record PlaceColumn(string Name, PlaceValueType Type);

internal enum PlaceValueType
{
    Text,
    Number,
    Date,
    TextList,
}
