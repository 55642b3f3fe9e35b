using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using DistrictMap.Api.Import;

namespace DistrictMap.Api.Map;

/// <summary>What the map opens on and draws beneath the data (<c>DistrictMap:Map</c>).</summary>
public sealed class MapOptions : IValidatableObject
{
    public const string Section = "DistrictMap:Map";

    /// <summary>
    /// The district the map opens on, unless the page's URL names another: <c>run --district</c> sets it;
    /// unset, <c>DistrictMap:Data:District</c>, else the only district loaded.
    /// </summary>
    public string? District { get; set; }

    public BasemapOptions Basemap { get; set; } = new();

    /// <summary>Background tile servers the Content-Security-Policy allows; unset, the basemap's own origin.</summary>
    public string? TileOrigins { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (District is not null && !GssCode.IsValid(District.Trim().ToUpperInvariant()))
        {
            yield return new ValidationResult($"{Section}:District is '{District}', which is not a GSS code such as E07000111.", [nameof(District)]);
        }

        foreach (var result in Basemap.Validate())
        {
            yield return result;
        }
    }
}

/// <summary>
/// The background map: any XYZ raster tile service (OS Maps API, OpenStreetMap's tiles, a tile server
/// of your own). Without a URL template, or when the tiles cannot be reached, the map draws its outlines
/// on a plain background.
/// </summary>
public sealed partial class BasemapOptions
{
    /// <summary>A Leaflet URL template with <c>{z}</c>, <c>{x}</c> and <c>{y}</c> (and <c>{s}</c> for subdomains); empty for none.</summary>
    public string? UrlTemplate { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>The credit the tile service asks for, as text.</summary>
    public string Attribution { get; set; } = "© OpenStreetMap contributors (ODbL)";

    /// <summary>Where the credit links to.</summary>
    public string? AttributionUrl { get; set; } = "https://www.openstreetmap.org/copyright";

    /// <summary>The deepest zoom the service has tiles for; the map enlarges those beyond it.</summary>
    public int MaxZoom { get; set; } = 19;

    /// <summary>Subdomains that <c>{s}</c> stands for.</summary>
    public string Subdomains { get; set; } = "abc";

    /// <summary>The origin the tiles come from, as a CSP source (<c>{s}</c> becomes <c>*</c>); null without a basemap.</summary>
    public string? Origin =>
        string.IsNullOrWhiteSpace(UrlTemplate) ? null : OriginPart().Match(UrlTemplate.Replace("{s}", "*", StringComparison.Ordinal)).Value;

    internal IEnumerable<ValidationResult> Validate()
    {
        const string prefix = MapOptions.Section + ":Basemap";
        if (string.IsNullOrWhiteSpace(UrlTemplate))
        {
            yield break;
        }

        if (string.IsNullOrEmpty(Origin) || !UrlTemplate.Contains("{z}", StringComparison.Ordinal)
            || !UrlTemplate.Contains("{x}", StringComparison.Ordinal) || !UrlTemplate.Contains("{y}", StringComparison.Ordinal))
        {
            yield return new ValidationResult(
                $"{prefix}:UrlTemplate is '{UrlTemplate}': give an https:// (or http://) URL with {{z}}, {{x}} and {{y}}, such as https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png.",
                [nameof(UrlTemplate)]);
        }

        if (MaxZoom is < 0 or > 24)
        {
            yield return new ValidationResult($"{prefix}:MaxZoom is {MaxZoom}: give a zoom from 0 to 24.", [nameof(MaxZoom)]);
        }

        if (string.IsNullOrWhiteSpace(Attribution))
        {
            yield return new ValidationResult($"{prefix}:Attribution is empty: every tile service asks for a credit on the map.", [nameof(Attribution)]);
        }
    }

    [GeneratedRegex("^https?://[^/?#{}]+(?=/)", RegexOptions.IgnoreCase)]
    private static partial Regex OriginPart();
}
