using System.Text.Json;
using DistrictMap.Api.Import;
using NetTopologySuite.Geometries;

namespace DistrictMap.Api.Places.Import.Osm;

/// <summary>
/// Reads an Overpass API result in JSON (<c>[out:json]</c>), with positions inline (<c>out geom</c>) or as nodes
/// (<c>out body</c> with <c>&gt;;</c>).
/// </summary>
internal static class OverpassJsonReader
{
    public static OsmData Read(string path, string fileName)
    {
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new ImportException(fileName, PlainReasons.Where(e), PlainReasons.Json(e));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("elements", out var elements) || elements.ValueKind != JsonValueKind.Array)
            {
                throw new ImportException(fileName, null, "not an Overpass JSON result: an object with an \"elements\" array was expected (query with [out:json] and out geom)");
            }

            if (root.TryGetProperty("remark", out var remark) && remark.ValueKind == JsonValueKind.String
                && remark.GetString()!.Contains("error", StringComparison.OrdinalIgnoreCase))
            {
                throw new ImportException(fileName, null, $"the Overpass result is incomplete: {remark.GetString()}");
            }

            var data = new OsmData(fileName);
            if (root.TryGetProperty("osm3s", out var osm3s) && osm3s.ValueKind == JsonValueKind.Object
                && osm3s.TryGetProperty("timestamp_osm_base", out var timestamp) && timestamp.ValueKind == JsonValueKind.String)
            {
                data.Timestamp = timestamp.GetString();
            }

            var number = 0;
            foreach (var element in elements.EnumerateArray())
            {
                number++;
                ReadElement(element, number, data);
            }

            return data;
        }
    }

    private static void ReadElement(JsonElement element, int number, OsmData data)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String
            || !element.TryGetProperty("id", out var idElement) || !idElement.TryGetInt64(out var id))
        {
            throw new ImportException(data.FileName, $"element {number}", "an element needs a \"type\" and a numeric \"id\"");
        }

        var type = typeElement.GetString()!;
        var where = $"{type} {id}";
        var tags = Tags(element, data.FileName, where);
        switch (type)
        {
            case "node":
                var position = Position(element, data.FileName, where)
                    ?? throw new ImportException(data.FileName, where, "the node has no lat and lon");
                data.Add(new OsmNode(id, position.X, position.Y, tags));
                break;
            case "way":
                data.Add(new OsmWay(id, NodeIds(element, data.FileName, where), Positions(element, data.FileName, where), tags));
                break;
            case "relation":
                data.Add(new OsmRelation(id, Members(element, data.FileName, where), tags));
                break;
            default:
                // Overpass "area" and "count" elements carry nothing to import.
                break;
        }
    }

    private static Dictionary<string, string> Tags(JsonElement element, string file, string where)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!element.TryGetProperty("tags", out var tagsElement))
        {
            return tags;
        }

        if (tagsElement.ValueKind != JsonValueKind.Object)
        {
            throw new ImportException(file, where, "\"tags\" is not an object");
        }

        foreach (var tag in tagsElement.EnumerateObject())
        {
            tags[tag.Name] = tag.Value.ValueKind == JsonValueKind.String ? tag.Value.GetString()! : tag.Value.GetRawText();
        }

        return tags;
    }

    private static List<long> NodeIds(JsonElement element, string file, string where)
    {
        if (!element.TryGetProperty("nodes", out var nodes))
        {
            return [];
        }

        return nodes.ValueKind == JsonValueKind.Array && nodes.EnumerateArray().All(n => n.TryGetInt64(out _))
            ? [.. nodes.EnumerateArray().Select(n => n.GetInt64())]
            : throw new ImportException(file, where, "\"nodes\" is not an array of node ids");
    }

    /// <summary>The inline positions of <c>out geom</c>; null entries stand for nodes the result left out.</summary>
    private static List<Coordinate?>? Positions(JsonElement element, string file, string where)
    {
        if (!element.TryGetProperty("geometry", out var geometry))
        {
            return null;
        }

        if (geometry.ValueKind != JsonValueKind.Array)
        {
            throw new ImportException(file, where, "\"geometry\" is not an array of positions");
        }

        return [.. geometry.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.Null ? null : Position(p, file, where))];
    }

    private static Coordinate? Position(JsonElement element, string file, string where)
    {
        var hasLat = element.TryGetProperty("lat", out var lat);
        var hasLon = element.TryGetProperty("lon", out var lon);
        if (!hasLat && !hasLon)
        {
            return null;
        }

        if (!hasLat || !hasLon || !lat.TryGetDouble(out var y) || !lon.TryGetDouble(out var x)
            || !double.IsFinite(x) || !double.IsFinite(y) || x is < -180 or > 180 || y is < -90 or > 90)
        {
            throw new ImportException(file, where, $"a position is not a longitude and latitude ({Raw(element)})");
        }

        return new Coordinate(x, y);
    }

    private static List<OsmMember> Members(JsonElement element, string file, string where)
    {
        if (!element.TryGetProperty("members", out var members))
        {
            return [];
        }

        if (members.ValueKind != JsonValueKind.Array)
        {
            throw new ImportException(file, where, "\"members\" is not an array");
        }

        var result = new List<OsmMember>();
        foreach (var member in members.EnumerateArray())
        {
            if (member.ValueKind != JsonValueKind.Object
                || !member.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || !member.TryGetProperty("ref", out var reference) || !reference.TryGetInt64(out var id))
            {
                throw new ImportException(file, where, $"a member needs a \"type\" and a numeric \"ref\" ({Raw(member)})");
            }

            var role = member.TryGetProperty("role", out var roleElement) && roleElement.ValueKind == JsonValueKind.String ? roleElement.GetString()! : "";
            var positions = Positions(member, file, where);
            if (positions is null && Position(member, file, where) is { } point)
            {
                positions = [point];
            }

            result.Add(new OsmMember(type.GetString()!, id, role, positions));
        }

        return result;
    }

    private static string Raw(JsonElement element)
    {
        var text = element.GetRawText();
        return text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");
    }
}
