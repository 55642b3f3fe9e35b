using System.Globalization;
using NetTopologySuite.Geometries;

namespace DistrictMap.Api.Places.Import.Osm;

/// <summary>
/// Which OpenStreetMap elements become places, and how their tags fill the columns:
/// <list type="bullet">
/// <item>routes: route relations <c>route=hiking|foot|walking|bicycle</c> (name, ref, network), and named ways
/// <c>highway=cycleway|footway|bridleway|path</c>;</item>
/// <item>green spaces: closed ways and multipolygons tagged <c>leisure=park|nature_reserve|garden|playground|common</c>,
/// <c>landuse=recreation_ground|village_green|allotments</c> or <c>boundary=protected_area</c> (not landscape designations);</item>
/// <item>recycling sites: <c>amenity=recycling</c> with at least one <c>recycling:*=yes</c>, areas kept as their interior point.</item>
/// </list>
/// Everything else is left out.
/// </summary>
internal static class OsmMapping
{
    private static readonly HashSet<string> WalkingRoutes = ["hiking", "foot", "walking"];
    private static readonly HashSet<string> PathHighways = ["cycleway", "footway", "bridleway", "path"];
    private static readonly HashSet<string> Allowed = ["yes", "designated", "permissive"];
    private static readonly HashSet<string> LongDistanceWalks = ["iwn", "nwn", "rwn"];

    /// <summary>IUCN categories of nature protection; 5 and 6 (landscapes such as National Landscapes) are not green spaces.</summary>
    private static readonly HashSet<string> NatureProtectClasses = ["1", "1a", "1b", "2", "3", "4"];

    private static readonly Dictionary<string, string> GreenLeisure = new(StringComparer.Ordinal)
    {
        ["park"] = "park",
        ["nature_reserve"] = "nature-reserve",
        ["garden"] = "park",
        ["playground"] = "play-area",
        ["common"] = "common",
    };

    private static readonly Dictionary<string, string> GreenLanduse = new(StringComparer.Ordinal)
    {
        ["recreation_ground"] = "playing-field",
        ["village_green"] = "common",
        ["allotments"] = "allotments",
    };

    public static Dictionary<PlaceLayer, List<PlaceRecord>> Map(OsmData data)
    {
        var geometry = new OsmGeometry(data);
        var layers = new Dictionary<PlaceLayer, List<PlaceRecord>>
        {
            [PlaceLayer.Routes] = [],
            [PlaceLayer.GreenSpaces] = [],
            [PlaceLayer.RecyclingSites] = [],
        };

        void Add(PlaceLayer layer, OsmId id, Geometry shape, Dictionary<string, object?> values)
        {
            var list = layers[layer];
            list.Add(new PlaceRecord(list.Count + 1, id.SourceId, id.ToString(), shape, values, Sample: false));
        }

        foreach (var relation in data.Relations.Values)
        {
            var id = new OsmId("relation", relation.Id);
            var tags = relation.Tags;
            if (RouteKindOfRelation(tags) is { } kind && geometry.RouteLines(relation) is { } lines)
            {
                Add(PlaceLayer.Routes, id, lines, RouteValues(kind, tags, RelationName(tags, kind), RelationNetwork(tags, kind), Stiles(data, geometry.NodeIds(relation))));
            }

            if (tags.GetValueOrDefault("type") is "multipolygon" or "boundary")
            {
                if (Green(tags) is { } green)
                {
                    Add(PlaceLayer.GreenSpaces, id, geometry.Area(relation, green.Tag), GreenValues(tags, green));
                }

                if (RecyclingValues(tags) is { } recycling)
                {
                    Add(PlaceLayer.RecyclingSites, id, OsmGeometry.InteriorPoint(geometry.Area(relation, "amenity=recycling")), recycling);
                }
            }
        }

        foreach (var way in data.Ways.Values)
        {
            var id = new OsmId("way", way.Id);
            var tags = way.Tags;
            if (RouteKindOfWay(tags) is { } kind)
            {
                var network = tags.GetValueOrDefault("ncn_ref") is { } ncn ? $"National Cycle Network route {ncn}" : null;
                Add(PlaceLayer.Routes, id, geometry.Line(way), RouteValues(kind, tags, tags["name"], network, Stiles(data, way.NodeIds)));
            }

            if (Green(tags) is { } green)
            {
                Add(PlaceLayer.GreenSpaces, id, geometry.Area(way, green.Tag), GreenValues(tags, green));
            }

            if (RecyclingValues(tags) is { } recycling)
            {
                Add(PlaceLayer.RecyclingSites, id, OsmGeometry.InteriorPoint(geometry.Area(way, "amenity=recycling")), recycling);
            }
        }

        foreach (var node in data.Nodes.Values)
        {
            if (RecyclingValues(node.Tags) is { } recycling)
            {
                Add(PlaceLayer.RecyclingSites, new OsmId("node", node.Id), OsmGeometry.Point(node), recycling);
            }
        }

        return layers;
    }

    private static string? RouteKindOfRelation(IReadOnlyDictionary<string, string> tags) =>
        tags.GetValueOrDefault("route") switch
        {
            "bicycle" => "cycling",
            { } route when WalkingRoutes.Contains(route) => "walking",
            _ => null,
        };

    /// <summary>A named path's kind: shared where both walkers and cyclists may use it (bridleways always).</summary>
    private static string? RouteKindOfWay(IReadOnlyDictionary<string, string> tags)
    {
        if (!tags.TryGetValue("highway", out var highway) || !PathHighways.Contains(highway) || string.IsNullOrWhiteSpace(tags.GetValueOrDefault("name")))
        {
            return null;
        }

        var bicycle = Allowed.Contains(tags.GetValueOrDefault("bicycle") ?? "");
        var foot = tags.GetValueOrDefault("foot");
        return highway switch
        {
            "bridleway" => "shared",
            "cycleway" => Allowed.Contains(foot ?? "") ? "shared" : "cycling",
            "path" when bicycle && foot == "no" => "cycling",
            _ => bicycle ? "shared" : "walking",
        };
    }

    private static string? RelationName(IReadOnlyDictionary<string, string> tags, string kind) =>
        tags.GetValueOrDefault("name") ?? (tags.GetValueOrDefault("ref") is { } reference ? $"{(kind == "cycling" ? "Cycle route" : "Walking route")} {reference}" : null);

    /// <summary>A national or regional cycle route number, or the name of a long-distance path.</summary>
    private static string? RelationNetwork(IReadOnlyDictionary<string, string> tags, string kind)
    {
        var network = tags.GetValueOrDefault("network");
        var reference = tags.GetValueOrDefault("ref");
        return (kind, network) switch
        {
            ("cycling", "ncn") => reference is null ? "National Cycle Network" : $"National Cycle Network route {reference}",
            ("cycling", "rcn") => reference is null ? "Regional cycle network" : $"Regional cycle route {reference}",
            ("walking", { } walk) when LongDistanceWalks.Contains(walk) => tags.GetValueOrDefault("name") ?? reference,
            _ => reference,
        };
    }

    private static Dictionary<string, object?> RouteValues(string kind, IReadOnlyDictionary<string, string> tags, string? name, string? network, int stiles) => new()
    {
        ["kind"] = kind,
        ["name"] = Text(name),
        ["network"] = Text(network),
        ["surface"] = Text(tags.GetValueOrDefault("surface")),
        ["accessibility"] = Accessibility(tags, stiles),
    };

    /// <summary>Step-free, stiles and gradient, as far as the tags say.</summary>
    private static string? Accessibility(IReadOnlyDictionary<string, string> tags, int stiles)
    {
        var notes = new List<string>();
        switch (tags.GetValueOrDefault("wheelchair"))
        {
            case "yes":
                notes.Add("step-free");
                break;
            case "limited":
                notes.Add("limited step-free access");
                break;
            case "no":
                notes.Add("not step-free");
                break;
        }

        if (stiles > 0)
        {
            notes.Add(stiles == 1 ? "1 stile" : string.Create(CultureInfo.InvariantCulture, $"{stiles} stiles"));
        }

        if (tags.GetValueOrDefault("incline") is { } incline && incline.Any(char.IsAsciiDigit))
        {
            notes.Add($"gradient {incline}");
        }

        return notes.Count == 0 ? null : string.Join("; ", notes);
    }

    private static int Stiles(OsmData data, IEnumerable<long> nodeIds) =>
        nodeIds.Distinct().Count(id => data.Nodes.TryGetValue(id, out var node) && node.Tags.GetValueOrDefault("barrier") == "stile");

    private sealed record GreenKind(string Type, string Tag, string DefaultAccess);

    private static GreenKind? Green(IReadOnlyDictionary<string, string> tags)
    {
        GreenKind? kind = null;
        if (tags.TryGetValue("leisure", out var leisure) && GreenLeisure.TryGetValue(leisure, out var type))
        {
            kind = new GreenKind(type, $"leisure={leisure}", leisure == "garden" ? PlaceVocabulary.Restricted : PlaceVocabulary.Public);
        }
        else if (tags.TryGetValue("landuse", out var landuse) && GreenLanduse.TryGetValue(landuse, out type))
        {
            kind = new GreenKind(type, $"landuse={landuse}", landuse == "allotments" ? PlaceVocabulary.Restricted : PlaceVocabulary.Public);
        }
        else if (tags.GetValueOrDefault("boundary") == "protected_area"
            && (tags.GetValueOrDefault("protect_class") is not { } protectClass || NatureProtectClasses.Contains(protectClass)))
        {
            kind = new GreenKind("nature-reserve", "boundary=protected_area", PlaceVocabulary.Public);
        }

        var countryPark = tags.GetValueOrDefault("designation") == "country_park"
            || (tags.GetValueOrDefault("name")?.EndsWith("Country Park", StringComparison.OrdinalIgnoreCase) ?? false);
        return kind is { Type: "park" or "nature-reserve" } && countryPark ? kind with { Type = "country-park" } : kind;
    }

    private static Dictionary<string, object?> GreenValues(IReadOnlyDictionary<string, string> tags, GreenKind kind) => new()
    {
        ["name"] = Text(tags.GetValueOrDefault("name")),
        ["type"] = kind.Type,
        ["access"] = tags.GetValueOrDefault("access") is { } access ? PlaceVocabulary.AccessValue(access) ?? kind.DefaultAccess : kind.DefaultAccess,
    };

    private static Dictionary<string, object?>? RecyclingValues(IReadOnlyDictionary<string, string> tags)
    {
        if (tags.GetValueOrDefault("amenity") != "recycling")
        {
            return null;
        }

        var materials = tags.Where(t => t.Key.StartsWith("recycling:", StringComparison.Ordinal) && t.Value == "yes")
            .Select(t => PlaceValues.Material(t.Key["recycling:".Length..]))
            .Where(m => m.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (materials.Length == 0)
        {
            return null;
        }

        return new()
        {
            ["name"] = Text(tags.GetValueOrDefault("name") ?? (tags.GetValueOrDefault("recycling_type") == "centre" ? "Recycling centre" : "Recycling point")),
            ["materials"] = materials,
            ["opening"] = Text(tags.GetValueOrDefault("opening_hours"), PlaceValues.LongTextLength),
        };
    }

    private static string? Text(string? value, int length = PlaceValues.TextLength) =>
        string.IsNullOrWhiteSpace(value) ? null : PlaceValues.Shorten(value, length);
}
