using NetTopologySuite.Geometries;

namespace DistrictMap.Api.Places.Import.Osm;

/// <summary>An OpenStreetMap element's type and id, as messages and source ids name it (<c>way 12</c>, <c>way/12</c>).</summary>
public readonly record struct OsmId(string Type, long Id)
{
    public override string ToString() => $"{Type} {Id}";

    public string SourceId => $"{Type}/{Id}";
}

public sealed record OsmNode(long Id, double Lon, double Lat, IReadOnlyDictionary<string, string> Tags);

/// <summary>A way: its node references and, in Overpass <c>out geom</c> results, its positions inline.</summary>
/// <param name="Positions">Inline positions, a null entry for a node the result left out; null when the positions come from the nodes.</param>
public sealed record OsmWay(long Id, IReadOnlyList<long> NodeIds, IReadOnlyList<Coordinate?>? Positions, IReadOnlyDictionary<string, string> Tags);

/// <summary>A relation member; way members of Overpass <c>out geom</c> results carry their positions.</summary>
public sealed record OsmMember(string Type, long Ref, string Role, IReadOnlyList<Coordinate?>? Positions);

public sealed record OsmRelation(long Id, IReadOnlyList<OsmMember> Members, IReadOnlyDictionary<string, string> Tags);

/// <summary>The elements of an OpenStreetMap file, by type and id, in file order.</summary>
public sealed class OsmData(string fileName)
{
    public string FileName { get; } = fileName;

    public Dictionary<long, OsmNode> Nodes { get; } = [];

    public Dictionary<long, OsmWay> Ways { get; } = [];

    public Dictionary<long, OsmRelation> Relations { get; } = [];

    /// <summary>When the data was extracted (the Overpass or OSM file's timestamp), when the file says.</summary>
    public string? Timestamp { get; set; }

    public int ElementCount => Nodes.Count + Ways.Count + Relations.Count;

    public void Add(OsmNode node) => Keep(Nodes, node.Id, node, node.Tags);

    public void Add(OsmWay way) => Keep(Ways, way.Id, way, way.Tags);

    public void Add(OsmRelation relation) => Keep(Relations, relation.Id, relation, relation.Tags);

    /// <summary>An element output twice (an Overpass query with several outputs) is kept once, with its tags.</summary>
    private static void Keep<T>(Dictionary<long, T> elements, long id, T element, IReadOnlyDictionary<string, string> tags)
    {
        if (!elements.TryAdd(id, element) && tags.Count > 0)
        {
            elements[id] = element;
        }
    }
}
