namespace DistrictMap.Api.Places;

/// <summary>The layers of places; each is a table, an OGC collection and a kind of the near-me search.</summary>
public enum PlaceLayer
{
    Routes,
    GreenSpaces,
    TownCentreProjects,
    RecyclingSites,
    Activities,
}

public static class PlaceLayers
{
    public static readonly IReadOnlyList<PlaceLayer> All = Enum.GetValues<PlaceLayer>();

    /// <summary>The layer's id: its OGC collection, its near-me kind, its import command and its dataset kind.</summary>
    public static string Id(this PlaceLayer layer) => layer switch
    {
        PlaceLayer.Routes => "routes",
        PlaceLayer.GreenSpaces => "green-spaces",
        PlaceLayer.TownCentreProjects => "town-centre-projects",
        PlaceLayer.RecyclingSites => "recycling-sites",
        _ => "activities",
    };

    public static string Table(this PlaceLayer layer) => layer.Id().Replace('-', '_');

    /// <summary>What one feature of the layer is called in messages.</summary>
    public static string Noun(this PlaceLayer layer) => layer switch
    {
        PlaceLayer.Routes => "route",
        PlaceLayer.GreenSpaces => "green space",
        PlaceLayer.TownCentreProjects => "town-centre project",
        PlaceLayer.RecyclingSites => "recycling site",
        _ => "activity",
    };

    public static string Title(this PlaceLayer layer) => layer switch
    {
        PlaceLayer.Routes => "Walking and cycling routes",
        PlaceLayer.GreenSpaces => "Green spaces",
        PlaceLayer.TownCentreProjects => "Town-centre projects",
        PlaceLayer.RecyclingSites => "Recycling sites",
        _ => "Community activities and volunteering",
    };

    public static PlaceLayer? FromId(string id) => All.Cast<PlaceLayer?>().FirstOrDefault(l => l!.Value.Id() == id);
}

/// <summary>The values that the layers' classifying fields take, and the words importers accept for them.</summary>
public static class PlaceVocabulary
{
    public const string Public = "public";
    public const string Restricted = "restricted";

    public static readonly IReadOnlyList<string> RouteKinds = ["walking", "cycling", "shared"];

    public static readonly IReadOnlyList<string> GreenSpaceTypes =
        ["park", "nature-reserve", "country-park", "common", "woodland", "playing-field", "allotments", "play-area"];

    public static readonly IReadOnlyList<string> Access = [Public, Restricted];

    public static readonly IReadOnlyList<string> ActivityTypes = ["activity", "volunteering"];

    private static readonly Dictionary<string, string> RouteKindWords = new(StringComparer.Ordinal)
    {
        ["walk"] = "walking",
        ["foot"] = "walking",
        ["footpath"] = "walking",
        ["hiking"] = "walking",
        ["cycle"] = "cycling",
        ["bicycle"] = "cycling",
        ["bike"] = "cycling",
        ["cycleway"] = "cycling",
        ["shared-use"] = "shared",
        ["walking-and-cycling"] = "shared",
        ["bridleway"] = "shared",
    };

    private static readonly Dictionary<string, string> GreenSpaceWords = new(StringComparer.Ordinal)
    {
        ["parks"] = "park",
        ["garden"] = "park",
        ["gardens"] = "park",
        ["nature-reserves"] = "nature-reserve",
        ["local-nature-reserve"] = "nature-reserve",
        ["village-green"] = "common",
        ["wood"] = "woodland",
        ["woods"] = "woodland",
        ["forest"] = "woodland",
        ["recreation-ground"] = "playing-field",
        ["playing-fields"] = "playing-field",
        ["sports-pitch"] = "playing-field",
        ["allotment"] = "allotments",
        ["playground"] = "play-area",
        ["play-areas"] = "play-area",
    };

    private static readonly Dictionary<string, string> AccessWords = new(StringComparer.Ordinal)
    {
        ["yes"] = Public,
        ["open"] = Public,
        ["permissive"] = Public,
        ["designated"] = Public,
        ["private"] = Restricted,
        ["no"] = Restricted,
        ["customers"] = Restricted,
        ["members"] = Restricted,
        ["permit"] = Restricted,
        ["closed"] = Restricted,
    };

    private static readonly Dictionary<string, string> ActivityWords = new(StringComparer.Ordinal)
    {
        ["activities"] = "activity",
        ["event"] = "activity",
        ["group"] = "activity",
        ["club"] = "activity",
        ["volunteer"] = "volunteering",
        ["volunteering-opportunity"] = "volunteering",
    };

    /// <summary>A route kind from a value such as "Cycling", "bike" or "shared use", or null when it is not one.</summary>
    public static string? RouteKind(string value) => Normalise(value, RouteKinds, RouteKindWords);

    public static string? GreenSpaceType(string value) => Normalise(value, GreenSpaceTypes, GreenSpaceWords);

    public static string? AccessValue(string value) => Normalise(value, Access, AccessWords);

    public static string? ActivityType(string value) => Normalise(value, ActivityTypes, ActivityWords);

    /// <summary>Lower case, with spaces and underscores as hyphens: "Nature Reserve" and "nature_reserve" are "nature-reserve".</summary>
    public static string Slug(string value) =>
        string.Join('-', value.Trim().ToLowerInvariant().Split([' ', '_', '-'], StringSplitOptions.RemoveEmptyEntries));

    private static string? Normalise(string value, IReadOnlyList<string> values, Dictionary<string, string> words)
    {
        var slug = Slug(value);
        return values.Contains(slug) ? slug : words.GetValueOrDefault(slug);
    }
}
