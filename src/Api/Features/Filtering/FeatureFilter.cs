using DistrictMap.Api.Http;

namespace DistrictMap.Api.Features.Filtering;

/// <summary>
/// The filter, filter-lang and filter-crs parameters of an items request (OGC API - Features - Part 3): the filter read
/// in its language and compiled to parameterised SQL over the collection's queryables.
/// </summary>
public static class FeatureFilter
{
    public const string Text = "cql2-text";
    public const string Json = "cql2-json";

    /// <summary>Filter languages, the default first.</summary>
    public static readonly IReadOnlyList<string> Languages = [Text, Json];

    /// <summary>Longest filter read, in characters.</summary>
    public const int MaxLength = 20_000;

    /// <summary>The filter of the query, or null; throws <see cref="BadRequestException"/> saying where it is wrong.</summary>
    public static SqlFilter? Parse(IQueryCollection query, FeatureCollectionDefinition collection)
    {
        var language = query.TryGetValue("filter-lang", out var lang) ? lang.ToString() : Text;
        if (!Languages.Contains(language))
        {
            throw new BadRequestException($"filter-lang '{Http.Text.Shorten(language)}' is not served: give {Text} (the default) or {Json}.");
        }

        var crs = query.TryGetValue("filter-crs", out var crsText) ? CoordinateReferenceSystem.Parse("filter-crs", crsText.ToString()) : CoordinateReferenceSystem.Crs84;
        if (!query.TryGetValue("filter", out var filterText))
        {
            return null;
        }

        var filter = filterText.ToString();
        if (string.IsNullOrWhiteSpace(filter))
        {
            throw new BadRequestException("filter is empty: give a CQL2 expression such as name LIKE 'Sev%', or leave the parameter out.");
        }

        if (filter.Length > MaxLength)
        {
            throw new BadRequestException($"filter is longer than {MaxLength} characters.");
        }

        try
        {
            var node = language == Json ? Cql2JsonParser.Parse(filter) : Cql2TextParser.Parse(filter);
            return Cql2Sql.Compile(node, collection, crs);
        }
        catch (Cql2Exception e)
        {
            throw new BadRequestException($"filter ({language}) {e.Message}");
        }
    }
}
