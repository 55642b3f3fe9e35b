namespace DistrictMap.Api.Import;

/// <summary>The licence and attribution statements the data publishers ask for.</summary>
public static class Attribution
{
    public const string OglLicence = "OGL-UK-3.0";
    public const string OglLicenceUrl = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
    public const string OdblLicence = "ODbL-1.0";
    public const string OdblLicenceUrl = "https://opendatacommons.org/licenses/odbl/1-0/";

    public const string Ons = "Source: Office for National Statistics licensed under the Open Government Licence v.3.0.";
    public const string Iod = "English Indices of Deprivation: Ministry of Housing, Communities and Local Government, Open Government Licence v.3.0.";
    public const string OpenStreetMap = "© OpenStreetMap contributors, available under the Open Database Licence.";
    public const string OsData = "Contains OS data © Crown copyright and database right";

    /// <summary>
    /// The statements the boundaries and the deprivation figures need wherever they are shown together: the
    /// map's attribution line and footer, the people's pages and the API description. OpenStreetMap's is
    /// carried by each collection and by the basemap that uses it.
    /// </summary>
    public static IReadOnlyList<string> Boundaries { get; } = [$"{Ons} {OsData}.", Iod];

    /// <summary>Every statement, for a page footer, as HTML.</summary>
    public static string FooterHtml { get; } =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All)
            .Encode(string.Join(" ", [.. Boundaries, $"Map tiles and places: {OpenStreetMap}"]));

    /// <summary>The ONS statement with the Ordnance Survey one for boundary products of <paramref name="year"/>.</summary>
    public static string OnsBoundaries(string? year) =>
        $"{Ons} {OsData} {year ?? DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}.";
}
