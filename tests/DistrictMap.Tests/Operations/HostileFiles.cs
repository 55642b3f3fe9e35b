using System.Globalization;
using System.Text;

namespace DistrictMap.Tests.Operations;

/// <summary>What an importer must do with a hostile file: refuse it cleanly, or (for valid but extreme input) may also load it.</summary>
public enum Expect
{
    Refused,
    RefusedOrLoaded,
}

/// <summary>One hostile file for one importer.</summary>
public sealed record HostileFile(string Importer, string Name, Expect Expect, byte[] Content)
{
    public override string ToString() => $"{Importer}: {Name}";
}

/// <summary>The hostile-input corpus for the importers: synthetic files written to be malformed, extreme or malicious.</summary>
public static class HostileFiles
{
    private const string Injection = "'; DROP TABLE wards; -- <script>alert(1)</script>";

    public static IReadOnlyList<HostileFile> All()
    {
        var files = new List<HostileFile>();
        foreach (var importer in new[] { "wards", "routes", "green-spaces" })
        {
            var polygon = importer != "routes";
            files.AddRange(GeoJson(importer, polygon));
        }

        files.AddRange(Osm());
        files.AddRange(Csv("lookup", "LSOA11CD,WD23CD", "E01999901,E05999901"));
        files.AddRange(Csv("iod", "LSOA code (2011),Local Authority District code (2019),Index of Multiple Deprivation (IMD) Score,Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived),Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)", "E01999901,E07999999,20.5,100,1"));
        return files;
    }

    private static IEnumerable<HostileFile> GeoJson(string importer, bool polygon)
    {
        HostileFile Case(string name, Expect expect, string text) => new(importer, name, expect, Encoding.UTF8.GetBytes(text));
        string Feature(string properties, string geometry) => $$"""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{{properties}},"geometry":{{geometry}}}]}""";
        var props = polygon
            ? """{"WD23CD":"E05999971","WD23NM":"Synthetic hostile","name":"Synthetic hostile","type":"park"}"""
            : """{"name":"Synthetic hostile","kind":"walking"}""";
        string Named(string name) => polygon
            ? $$"""{"WD23CD":"E05999971","WD23NM":{{name}},"name":{{name}},"type":"park"}"""
            : $$"""{"name":{{name}},"kind":"walking"}""";
        string Shape(string coordinates) => polygon
            ? $$"""{"type":"Polygon","coordinates":[{{coordinates}}]}"""
            : $$"""{"type":"LineString","coordinates":{{coordinates}}}""";
        var square = "[[0.05,51.02],[0.06,51.02],[0.06,51.03],[0.05,51.03],[0.05,51.02]]";

        yield return Case("truncated JSON", Expect.Refused, """{"type":"FeatureCollection","features":[{"type":"Feature",""");
        yield return Case("not JSON at all", Expect.Refused, "root:x:0:0:root:/root:/bin/bash\n");
        yield return Case("empty file", Expect.Refused, "");
        yield return Case("deeply nested JSON", Expect.Refused, Feature("""{"a":""" + new string('[', 5000) + new string(']', 5000) + "}", Shape(square)));
        yield return Case("wrong geometry type", Expect.Refused, Feature(props, polygon ? """{"type":"Point","coordinates":[0.05,51.02]}""" : Shape(square).Replace("LineString", "Polygon", StringComparison.Ordinal)));
        yield return Case("NaN coordinate", Expect.Refused, Feature(props, Shape(square.Replace("0.06,51.02", "NaN,51.02", StringComparison.Ordinal))));
        yield return Case("Infinity coordinate", Expect.Refused, Feature(props, Shape(square.Replace("0.06,51.02", "Infinity,51.02", StringComparison.Ordinal))));
        yield return Case("1e308 coordinates", Expect.Refused, Feature(props, Shape(square.Replace("0.06,51.02", "1e308,1e308", StringComparison.Ordinal))));
        yield return Case("longitude and latitude out of range", Expect.Refused, Feature(props, Shape(square.Replace("0.06,51.02", "200.5,95.5", StringComparison.Ordinal))));
        yield return Case("coordinate that is a string", Expect.Refused, Feature(props, Shape(square.Replace("0.06,51.02", "\"0.06\",51.02", StringComparison.Ordinal))));
        yield return Case("unknown CRS", Expect.Refused, """{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::99999"}},"features":[]}""".Replace("[]", $$"""[{"type":"Feature","properties":{{props}},"geometry":{{Shape(square)}}}]""", StringComparison.Ordinal));
        yield return Case("NUL in a name", Expect.Refused, Feature(Named("\"Synthetic\\u0000hostile\""), Shape(square)));
        yield return Case("SQL and script injection in every text field", Expect.RefusedOrLoaded, Feature(Named(System.Text.Json.JsonSerializer.Serialize(Injection)), Shape(square)));
        yield return Case("a 1 MB name", Expect.RefusedOrLoaded, Feature(Named("\"" + new string('x', 1 << 20) + "\""), Shape(square)));
        yield return Case("100,000 vertices", Expect.RefusedOrLoaded, Feature(props, Shape(polygon ? Circle(100_000, close: true) : Circle(100_000, close: false))));
        if (polygon)
        {
            yield return Case("unclosed ring", Expect.Refused, Feature(props, Shape("[[0.05,51.02],[0.06,51.02],[0.06,51.03],[0.05,51.03]]")));
            yield return Case("self-intersecting ring (repaired)", Expect.RefusedOrLoaded, Feature(props, Shape("[[0.05,51.02],[0.06,51.03],[0.06,51.02],[0.05,51.03],[0.05,51.02]]")));
            yield return Case("path traversal as the code", Expect.Refused, Feature("""{"WD23CD":"../../etc/passwd","WD23NM":"x","name":"x","type":"../../etc/passwd"}""", Shape(square)));
        }

        var invalid = Encoding.UTF8.GetBytes(Feature(Named("\"Synthetic XX hostile\""), Shape(square)));
        var at = Encoding.UTF8.GetString(invalid).IndexOf("XX", StringComparison.Ordinal);
        (invalid[at], invalid[at + 1]) = (0xC3, 0x28);
        yield return new HostileFile(importer, "invalid UTF-8", Expect.Refused, invalid);
    }

    private static IEnumerable<HostileFile> Osm()
    {
        HostileFile Json(string name, string text) => new("osm.json", name, Expect.Refused, Encoding.UTF8.GetBytes(text));
        HostileFile Xml(string name, string text) => new("osm.osm", name, Expect.Refused, Encoding.UTF8.GetBytes(text));
        yield return Json("truncated JSON", """{"elements":[{"type":"way","id":1,""");
        yield return Json("deeply nested JSON", """{"elements":""" + new string('[', 5000) + new string(']', 5000) + "}");
        yield return Json("NaN coordinate", """{"elements":[{"type":"node","id":1,"lat":NaN,"lon":0.1,"tags":{"amenity":"recycling"}}]}""");
        yield return Json("latitude out of range", """{"elements":[{"type":"node","id":1,"lat":95.5,"lon":0.1,"tags":{"amenity":"recycling"}}]}""");
        yield return Xml("truncated XML", """<?xml version="1.0"?><osm version="0.6"><node id="1" lat="51.02" lon="0.05">""");
        yield return Xml("entity expansion (billion laughs)", """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><osm version="0.6"><node id="1" lat="51.02" lon="0.05"><tag k="name" v="&lol2;"/></node></osm>""");
        yield return Xml("external entity", """<?xml version="1.0"?><!DOCTYPE osm [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><osm version="0.6"><node id="1" lat="51.02" lon="0.05"><tag k="name" v="&xxe;"/><tag k="amenity" v="recycling"/></node></osm>""");
        yield return Xml("coordinate that is not a number", """<?xml version="1.0"?><osm version="0.6"><node id="1" lat="north" lon="0.05"><tag k="amenity" v="recycling"/></node></osm>""");
    }

    private static IEnumerable<HostileFile> Csv(string importer, string header, string row)
    {
        HostileFile Case(string name, Expect expect, string text) => new(importer, name, expect, Encoding.UTF8.GetBytes(text));
        yield return Case("empty file", Expect.Refused, "");
        yield return Case("header only, wrong columns", Expect.Refused, "a,b,c\n1,2,3\n");
        yield return Case("unterminated quote", Expect.Refused, $"{header}\n\"{row}\n");
        yield return Case("NUL in a field", Expect.Refused, $"{header}\n{row.Replace("E01999901", "E0199\u00009901", StringComparison.Ordinal)}\n");
        yield return Case("SQL injection as a code", Expect.Refused, $"{header}\n{row.Replace("E01999901", "'; DROP TABLE lsoas; --", StringComparison.Ordinal)}\n");
        yield return Case("a 2 MB record", Expect.Refused, $"{header}\n{row.Replace("E01999901", new string('x', 2 << 20), StringComparison.Ordinal)}\n");
        var bytes = Encoding.UTF8.GetBytes($"{header}\n{row.Replace("E05999901", "E05XX9901", StringComparison.Ordinal).Replace("E07999999", "E07XX9999", StringComparison.Ordinal)}\n");
        var text = Encoding.UTF8.GetString(bytes);
        var at = text.IndexOf("XX", StringComparison.Ordinal);
        (bytes[at], bytes[at + 1]) = (0xC3, 0x28);
        yield return new HostileFile(importer, "invalid UTF-8", Expect.Refused, bytes);
    }

    /// <summary>A ring (or an open line) of <paramref name="count"/> positions around a point of the synthetic district.</summary>
    private static string Circle(int count, bool close)
    {
        var positions = Enumerable.Range(0, count).Select(i =>
        {
            var angle = 2 * Math.PI * i / count;
            return string.Create(CultureInfo.InvariantCulture, $"[{0.055 + 0.004 * Math.Cos(angle):0.0000000},{51.025 + 0.003 * Math.Sin(angle):0.0000000}]");
        }).ToList();
        if (close)
        {
            positions.Add(positions[0]);
        }

        return "[" + string.Join(',', positions) + "]";
    }
}
