using System.Globalization;
using System.Xml;
using DistrictMap.Api.Import;
using NetTopologySuite.Geometries;

namespace DistrictMap.Api.Places.Import.Osm;

/// <summary>
/// Reads OSM XML (<c>.osm</c>): a regional extract converted with osmium or ogr2ogr, or an Overpass result in XML,
/// whose ways and members may carry their positions inline (<c>out geom</c>).
/// </summary>
internal static class OsmXmlReader
{
    public static OsmData Read(string path, string fileName)
    {
        var data = new OsmData(fileName);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreWhitespace = true, XmlResolver = null };
        using var stream = File.OpenRead(path);
        using var reader = XmlReader.Create(stream, settings);
        try
        {
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "osm")
            {
                throw new ImportException(fileName, null, $"not OSM XML: the root element is <{reader.LocalName}>, not <osm>");
            }

            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.Depth != 1)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "meta":
                        data.Timestamp ??= reader.GetAttribute("osm_base");
                        break;
                    case "node" or "way" or "relation":
                        ReadElement(reader, data);
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            throw new ImportException(fileName, $"line {e.LineNumber}", PlainReasons.Xml(e));
        }

        return data;
    }

    private static void ReadElement(XmlReader reader, OsmData data)
    {
        var type = reader.LocalName;
        var id = Long(reader, "id", data.FileName, $"<{type}> at line {Line(reader)}");
        var where = $"{type} {id}";
        var position = type == "node" ? Position(reader, data.FileName, where) : null;
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        var nodeIds = new List<long>();
        List<Coordinate?>? positions = null;
        var members = new List<OsmMember>();
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "tag":
                        var key = reader.GetAttribute("k") ?? throw new ImportException(data.FileName, where, $"a <tag> without k at line {Line(reader)}");
                        tags[key] = reader.GetAttribute("v") ?? "";
                        break;
                    case "nd":
                        nodeIds.Add(Long(reader, "ref", data.FileName, where));
                        if (Position(reader, data.FileName, where) is { } inline)
                        {
                            (positions ??= []).Add(inline);
                        }

                        break;
                    case "member":
                        members.Add(Member(reader, data.FileName, where));
                        break;
                }
            }
        }

        switch (type)
        {
            case "node":
                var point = position ?? throw new ImportException(data.FileName, where, "the node has no lat and lon");
                data.Add(new OsmNode(id, point.X, point.Y, tags));
                break;
            case "way":
                data.Add(new OsmWay(id, nodeIds, positions is not null && positions.Count == nodeIds.Count ? positions : null, tags));
                break;
            default:
                data.Add(new OsmRelation(id, members, tags));
                break;
        }
    }

    /// <summary>A member; Overpass <c>out geom</c> gives a way member's positions as &lt;nd lat lon/&gt; children.</summary>
    private static OsmMember Member(XmlReader reader, string file, string where)
    {
        var type = reader.GetAttribute("type") ?? throw new ImportException(file, where, $"a <member> without type at line {Line(reader)}");
        var reference = Long(reader, "ref", file, where);
        var role = reader.GetAttribute("role") ?? "";
        List<Coordinate?>? positions = Position(reader, file, where) is { } point ? [point] : null;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
            while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "nd")
                {
                    (positions ??= []).Add(Position(reader, file, where));
                }
            }
        }

        return new OsmMember(type, reference, role, positions);
    }

    private static Coordinate? Position(XmlReader reader, string file, string where)
    {
        var lat = reader.GetAttribute("lat");
        var lon = reader.GetAttribute("lon");
        if (lat is null && lon is null)
        {
            return null;
        }

        return double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            && double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && x is >= -180 and <= 180 && y is >= -90 and <= 90
                ? new Coordinate(x, y)
                : throw new ImportException(file, where, $"lat=\"{lat}\" lon=\"{lon}\" at line {Line(reader)} is not a latitude and longitude");
    }

    private static long Long(XmlReader reader, string attribute, string file, string where) =>
        long.TryParse(reader.GetAttribute(attribute), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ImportException(file, where, $"<{reader.LocalName}> at line {Line(reader)} has no numeric {attribute}");

    private static int Line(XmlReader reader) => reader is IXmlLineInfo info ? info.LineNumber : 0;
}
