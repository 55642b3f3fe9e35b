using System.Globalization;
using System.Text.Json;

namespace DistrictMap.UiTests;

/// <summary>Text as the map writes it (format.js), to compare what a page shows with what the API answers.</summary>
public static class MapText
{
    /// <summary>What the near-me list calls each kind of place.</summary>
    public static readonly IReadOnlyDictionary<string, string> KindTitles = new Dictionary<string, string>
    {
        ["routes"] = "Route",
        ["green-spaces"] = "Green space",
        ["town-centre-projects"] = "Town-centre project",
        ["recycling-sites"] = "Recycling site",
        ["activities"] = "Activity",
        ["actions"] = "Plan action",
    };

    /// <summary>A near-me list entry for a feature of /api/nearby: distance, kind, name and a Sample badge.</summary>
    public static string NearListEntry(JsonElement feature)
    {
        var sample = feature.GetProperty("sample").GetBoolean() ? " Sample" : "";
        return $"{Distance(feature.GetProperty("distanceMetres").GetDouble())} {KindTitles[feature.GetProperty("kind").GetString()!]}: {feature.GetProperty("name").GetString()}{sample}";
    }

    /// <summary>Metres to the nearest 10 under a kilometre, else kilometres to one decimal.</summary>
    public static string Distance(double metres) => metres < 1000
        ? $"{Math.Round(metres / 10, MidpointRounding.AwayFromZero) * 10:0} m"
        : $"{(metres / 1000).ToString("0.#", CultureInfo.InvariantCulture)} km";

    public static string Percent(double share) => $"{Math.Round(share * 100, MidpointRounding.AwayFromZero):0}%";
}
