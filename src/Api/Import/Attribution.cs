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

    /// <summary>The ONS statement with the Ordnance Survey one for boundary products of <paramref name="year"/>.</summary>
    public static string OnsBoundaries(string? year) =>
        $"{Ons} Contains OS data © Crown copyright and database right {year ?? DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}.";
}
