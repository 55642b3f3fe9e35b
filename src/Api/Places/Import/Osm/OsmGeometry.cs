using DistrictMap.Api.Import;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace DistrictMap.Api.Places.Import.Osm;

/// <summary>
/// Builds geometries from OpenStreetMap elements: ways from their nodes (or inline positions), route relations from their
/// member ways, and areas from closed ways or multipolygon relations whose member ways are joined into rings.
/// </summary>
internal sealed class OsmGeometry(OsmData data)
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>A way's positions; a node that the file does not hold fails the import.</summary>
    public Coordinate[] Positions(OsmWay way)
    {
        var where = $"way {way.Id}";
        if (way.Positions is { } inline)
        {
            return [.. inline.Select((p, i) => p ?? throw new ImportException(data.FileName, where, MissingNode(way, i)))];
        }

        return [.. way.NodeIds.Select(id => data.Nodes.TryGetValue(id, out var node)
            ? new Coordinate(node.Lon, node.Lat)
            : throw new ImportException(data.FileName, where, $"references node {id}, which is not in the file"))];
    }

    public MultiLineString Line(OsmWay way)
    {
        var positions = Positions(way);
        return positions.Length >= 2
            ? Factory.CreateMultiLineString([Factory.CreateLineString(positions)])
            : throw new ImportException(data.FileName, $"way {way.Id}", "a way needs at least two nodes");
    }

    /// <summary>A route relation's member ways as lines; members outside the file (a clipped extract) are left out.</summary>
    /// <returns>The lines, or null when none of the member ways is in the file.</returns>
    public MultiLineString? RouteLines(OsmRelation relation)
    {
        var lines = WayMembers(relation, required: false)
            .Where(m => m.Positions.Length >= 2)
            .Select(m => Factory.CreateLineString(m.Positions))
            .ToArray();
        return lines.Length == 0 ? null : Factory.CreateMultiLineString(lines);
    }

    /// <summary>The node ids of a relation's member ways, for tags on nodes (such as stiles) along them.</summary>
    public IEnumerable<long> NodeIds(OsmRelation relation) =>
        relation.Members.Where(m => m.Type == "way" && data.Ways.ContainsKey(m.Ref)).SelectMany(m => data.Ways[m.Ref].NodeIds);

    /// <summary>A closed way as an area.</summary>
    /// <param name="what">The tag that makes it an area, for the message when it is not closed.</param>
    public MultiPolygon Area(OsmWay way, string what)
    {
        var positions = Positions(way);
        if (positions.Length < 4 || !positions[0].Equals2D(positions[^1]))
        {
            throw new ImportException(
                data.FileName,
                $"way {way.Id}",
                $"an area ({what}) that is not closed: its first and last nodes must be the same, with at least three others");
        }

        return Factory.CreateMultiPolygon([Factory.CreatePolygon(positions)]);
    }

    /// <summary>A multipolygon (or boundary) relation as an area: its outer and inner member ways joined end to end into rings.</summary>
    public MultiPolygon Area(OsmRelation relation, string what)
    {
        var where = $"relation {relation.Id}";
        var members = WayMembers(relation, required: true).ToList();
        var outers = Rings(members.Where(m => m.Role is "outer" or "").ToList(), "outer", what, where);
        var inners = Rings(members.Where(m => m.Role == "inner").ToList(), "inner", what, where);
        if (outers.Count == 0)
        {
            throw new ImportException(data.FileName, where, $"an area ({what}) with no outer member ways");
        }

        var polygons = outers.Select(shell => Factory.CreatePolygon(
                shell,
                [.. inners.Where(hole => PointLocation.IsInRing(hole.Coordinates[0], shell.Coordinates))]))
            .ToArray();
        return Factory.CreateMultiPolygon(polygons);
    }

    /// <summary>An area's interior point, for features kept as points (a recycling centre drawn as an area).</summary>
    public static Point InteriorPoint(Geometry area)
    {
        var point = area.InteriorPoint;
        point.SRID = 4326;
        return point;
    }

    public static Point Point(OsmNode node) => Factory.CreatePoint(new Coordinate(node.Lon, node.Lat));

    private sealed record Member(long WayId, string Role, Coordinate[] Positions);

    private IEnumerable<Member> WayMembers(OsmRelation relation, bool required)
    {
        var where = $"relation {relation.Id}";
        foreach (var member in relation.Members.Where(m => m.Type == "way"))
        {
            if (member.Positions is { } inline)
            {
                yield return new Member(member.Ref, member.Role, [.. inline.Select(p => p
                    ?? throw new ImportException(data.FileName, where, $"member way {member.Ref} has a position that the file leaves out"))]);
            }
            else if (data.Ways.TryGetValue(member.Ref, out var way))
            {
                yield return new Member(member.Ref, member.Role, Positions(way));
            }
            else if (required)
            {
                throw new ImportException(
                    data.FileName,
                    where,
                    $"member way {member.Ref} is not in the file, so the area cannot be closed (export complete areas, such as with osmium extract --strategy smart)");
            }
        }
    }

    /// <summary>Joins member ways end to end into closed rings; a ring that cannot be closed fails the import.</summary>
    private List<LinearRing> Rings(List<Member> members, string role, string what, string where)
    {
        var rings = new List<LinearRing>();
        var open = members.Where(m => m.Positions.Length >= 2).ToList();
        while (open.Count > 0)
        {
            var first = open[0];
            open.RemoveAt(0);
            var ring = new List<Coordinate>(first.Positions);
            while (!ring[0].Equals2D(ring[^1]))
            {
                var next = open.FindIndex(m => m.Positions[0].Equals2D(ring[^1]) || m.Positions[^1].Equals2D(ring[^1]));
                if (next < 0)
                {
                    throw new ImportException(
                        data.FileName,
                        where,
                        $"an area ({what}) whose {role} ring through way {first.WayId} is not closed: no member way continues it from ({ring[^1].X}, {ring[^1].Y})");
                }

                var positions = open[next].Positions;
                ring.AddRange((positions[0].Equals2D(ring[^1]) ? positions : positions.Reverse()).Skip(1));
                open.RemoveAt(next);
            }

            if (ring.Count < 4)
            {
                throw new ImportException(data.FileName, where, $"an area ({what}) whose {role} ring through way {first.WayId} has fewer than three corners");
            }

            rings.Add(Factory.CreateLinearRing([.. ring]));
        }

        return rings;
    }

    private static string MissingNode(OsmWay way, int index) =>
        index < way.NodeIds.Count
            ? $"references node {way.NodeIds[index]}, whose position the file leaves out"
            : "has a position that the file leaves out";
}
