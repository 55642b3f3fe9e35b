using System.Text.RegularExpressions;
using DistrictMap.Api.Deprivation;

namespace DistrictMap.Api.Import.Deprivation;

/// <summary>Where each value is in an IoD CSV, found by header name.</summary>
internal sealed record DomainColumns(string Domain, int? Score, int? Rank, int? Decile, int? TransformedScore);

internal sealed record PopulationColumns(int? Total, int? Children0To15, int? Aged16To59, int? Aged60AndOver, int? WorkingAge)
{
    public bool Any => Total is not null || Children0To15 is not null || Aged16To59 is not null || Aged60AndOver is not null || WorkingAge is not null;
}

internal sealed record IodColumns(int LsoaCode, int LsoaVintage, int? DistrictCode, string DistrictHeader, IReadOnlyList<DomainColumns> Domains, PopulationColumns Population);

/// <summary>
/// The two layouts the importer reads: the official one (File 7 of IoD 2019, and the IoD 2025 files:
/// long exact header names) and the reduced one (<c>LSOA11CD</c>, <c>IMD_Rank</c>, <c>Income_Decile</c>...).
/// Columns are found by name; extra columns are ignored.
/// </summary>
internal static partial class IodLayout
{
    private sealed record DomainNames(string Domain, string Official, string Reduced);

    private static readonly DomainNames[] Names =
    [
        new(DeprivationDomains.Imd, "Index of Multiple Deprivation (IMD)", "IMD"),
        new(DeprivationDomains.Income, "Income", "Income"),
        new(DeprivationDomains.Employment, "Employment", "Employment"),
        new(DeprivationDomains.Education, "Education, Skills and Training", "Education"),
        new(DeprivationDomains.Health, "Health Deprivation and Disability", "Health"),
        new(DeprivationDomains.Crime, "Crime", "Crime"),
        new(DeprivationDomains.Barriers, "Barriers to Housing and Services", "Barriers"),
        new(DeprivationDomains.LivingEnvironment, "Living Environment", "LivingEnv"),
        new(DeprivationDomains.Idaci, "Income Deprivation Affecting Children Index (IDACI)", "IDACI"),
        new(DeprivationDomains.Idaopi, "Income Deprivation Affecting Older People (IDAOPI)", "IDAOPI"),
    ];

    public static IodColumns Find(CsvSource csv, string file, bool districtRequired)
    {
        var official = csv.Matching(OfficialLsoa());
        var reduced = csv.Matching(ReducedLsoa());
        if (official.Count == 0 && reduced.Count == 0)
        {
            throw new ImportException(file, null, "required column \"LSOA code (2011)\" (or \"LSOA code (2021)\", or LSOA11CD/LSOA21CD) not found");
        }

        return official.Count > 0 ? Official(csv, file, official[0], districtRequired) : Reduced(csv, file, reduced[0], districtRequired);
    }

    private static IodColumns Official(CsvSource csv, string file, (int Index, Match Match) lsoa, bool districtRequired)
    {
        var vintage = int.Parse(lsoa.Match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var district = csv.Matching(OfficialDistrict());
        var districtHeader = district.Count > 0 ? csv.Header(district[0].Index) : "Local Authority District code (2019)";
        var domains = Names.Select(n => new DomainColumns(
            n.Domain,
            csv.Find($"{n.Official} Score", $"{n.Official} Score (rate)"),
            csv.Find($"{n.Official} Rank (where 1 is most deprived)"),
            csv.Find($"{n.Official} Decile (where 1 is most deprived 10% of LSOAs)"),
            null)).ToList();
        Require(file, domains[0].Rank, $"{Names[0].Official} Rank (where 1 is most deprived)");
        Require(file, domains[0].Decile, $"{Names[0].Official} Decile (where 1 is most deprived 10% of LSOAs)");
        if (districtRequired)
        {
            Require(file, district.Count > 0 ? district[0].Index : null, districtHeader, NeededForDistrict);
        }

        var population = new PopulationColumns(
            StartingWith(csv, "Total population: mid"),
            StartingWith(csv, "Dependent Children aged 0-15"),
            StartingWith(csv, "Population aged 16-59"),
            StartingWith(csv, "Older population aged 60 and over"),
            StartingWith(csv, "Working age population 18-59/64"));
        return new IodColumns(lsoa.Index, vintage, district.Count > 0 ? district[0].Index : null, districtHeader, domains, population);
    }

    private static IodColumns Reduced(CsvSource csv, string file, (int Index, Match Match) lsoa, bool districtRequired)
    {
        var vintage = GssCode.YearFromSuffix(lsoa.Match.Groups[1].Value);
        var district = csv.Matching(ReducedDistrict());
        var districtHeader = district.Count > 0 ? csv.Header(district[0].Index) : "LADnnCD";
        var domains = Names.Select(n => new DomainColumns(
            n.Domain,
            n.Domain == DeprivationDomains.Imd ? csv.Find("IMD_Score", "IMD_Score_reconstructed") : csv.Find($"{n.Reduced}_Score"),
            csv.Find($"{n.Reduced}_Rank"),
            csv.Find($"{n.Reduced}_Decile"),
            csv.Find($"{n.Reduced}_ExpTransformedScore"))).ToList();
        Require(file, domains[0].Rank, "IMD_Rank");
        Require(file, domains[0].Decile, "IMD_Decile");
        if (districtRequired)
        {
            Require(file, district.Count > 0 ? district[0].Index : null, districtHeader, NeededForDistrict);
        }

        var population = new PopulationColumns(
            Pattern(csv, "^Pop_Total_mid[0-9]{4}$"),
            Pattern(csv, "^Pop_Children0_15_mid[0-9]{4}$"),
            Pattern(csv, "^Pop_16_59_mid[0-9]{4}$"),
            Pattern(csv, "^Pop_60plus_mid[0-9]{4}$"),
            Pattern(csv, "^Pop_WorkingAge_18_59_64_mid[0-9]{4}$"));
        return new IodColumns(lsoa.Index, vintage, district.Count > 0 ? district[0].Index : null, districtHeader, domains, population);
    }

    private const string NeededForDistrict = " (it is needed to restrict the import to a district)";

    private static void Require(string file, int? column, string name, string why = "")
    {
        if (column is null)
        {
            throw new ImportException(file, null, $"required column \"{name}\" not found{why}");
        }
    }

    private static int? StartingWith(CsvSource csv, string prefix)
    {
        for (var i = 0; i < csv.Headers.Count; i++)
        {
            if (csv.Headers[i].StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    private static int? Pattern(CsvSource csv, string pattern)
    {
        var matches = csv.Matching(new Regex(pattern, RegexOptions.IgnoreCase));
        return matches.Count > 0 ? matches[0].Index : null;
    }

    [GeneratedRegex(@"^LSOA code \(([0-9]{4})\)$", RegexOptions.IgnoreCase)]
    private static partial Regex OfficialLsoa();

    [GeneratedRegex(@"^Local Authority District code \([0-9]{4}\)$", RegexOptions.IgnoreCase)]
    private static partial Regex OfficialDistrict();

    [GeneratedRegex("^LSOA([0-9]{2})CD$", RegexOptions.IgnoreCase)]
    private static partial Regex ReducedLsoa();

    [GeneratedRegex("^LAD[0-9]{2}CD$", RegexOptions.IgnoreCase)]
    private static partial Regex ReducedDistrict();
}
