using System.Text.RegularExpressions;
using DistrictMap.Api.Import.Features;

namespace DistrictMap.Api.Import.Boundaries;

/// <summary>The fields of a boundary file that hold the code, the name and the district, found from ONS naming or given.</summary>
public sealed partial record BoundaryFields(string Code, string Name, string? DistrictCode, string? DistrictName, int? Year)
{
    /// <summary>
    /// Detects fields by ONS naming (<c>WDnnCD</c>/<c>WDnnNM</c>, <c>LSOAnnCD</c>/<c>LSOAnnNM</c>, <c>LADnnCD</c>/<c>LADnnNM</c>,
    /// any year, any case); options name fields explicitly.
    /// </summary>
    public static BoundaryFields Detect(BoundaryKind kind, FeatureSet set, BoundaryImportOptions options)
    {
        var prefix = kind switch
        {
            BoundaryKind.Districts => "LAD",
            BoundaryKind.Wards => "WD",
            _ => "LSOA",
        };
        var code = Given(set, options.CodeField, "--code-field") ?? Find(set, prefix, "CD", "--code-field", required: true)!;
        var name = Given(set, options.NameField, "--name-field") ?? Find(set, prefix, "NM", "--name-field", required: true)!;
        string? districtCode = null;
        string? districtName = null;
        if (kind != BoundaryKind.Districts)
        {
            districtCode = Given(set, options.DistrictField, "--district-field") ?? Find(set, "LAD", "CD", "--district-field", required: false);
            districtName = districtCode is null ? null : Find(set, "LAD", "NM", "--district-field", required: false);
        }

        var year = OnsField().Match(code) is { Success: true } m ? GssCode.YearFromSuffix(m.Groups[2].Value) : (int?)null;
        return new BoundaryFields(code, name, districtCode, districtName, year);
    }

    private static string? Given(FeatureSet set, string? field, string option)
    {
        if (field is null)
        {
            return null;
        }

        return set.FieldNames.FirstOrDefault(f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase))
            ?? throw new ImportException(set.FileName, null, $"{option} {field}: no such field (fields: {string.Join(", ", set.FieldNames)})");
    }

    private static string? Find(FeatureSet set, string prefix, string suffix, string option, bool required)
    {
        var matches = set.FieldNames
            .Where(f => OnsField().Match(f) is { Success: true } m
                        && string.Equals(m.Groups[1].Value, prefix, StringComparison.OrdinalIgnoreCase)
                        && string.Equals(m.Groups[3].Value, suffix, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 when !required => null,
            0 => throw new ImportException(
                set.FileName,
                null,
                $"no {prefix}nn{suffix} field found (fields: {string.Join(", ", set.FieldNames)}); name it with {option}"),
            _ => throw new ImportException(set.FileName, null, $"several {prefix}nn{suffix} fields ({string.Join(", ", matches)}); choose one with {option}"),
        };
    }

    [GeneratedRegex("^(LAD|WD|LSOA)([0-9]{2})(CD|NM)$", RegexOptions.IgnoreCase)]
    private static partial Regex OnsField();
}
