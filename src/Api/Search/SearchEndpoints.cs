using System.Globalization;
using DistrictMap.Api.Http;

namespace DistrictMap.Api.Search;

/// <summary>Whether a kind of search data is loaded; when it is not, <see cref="Note"/> says so and how to load it.</summary>
public sealed record SearchData(bool Loaded, string? Note);

/// <summary>The answer to a search: how the query was read, the results best first, and whether postcodes and names are loaded.</summary>
public sealed record SearchAnswer(string Query, string InterpretedAs, SearchData Postcodes, SearchData Names, IReadOnlyList<SearchResult> Results);

/// <summary>/api/search: a postcode, a partial postcode, a place or street name, a ward or a district.</summary>
public static class SearchEndpoints
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;
    public const int MaxQueryLength = 100;

    public static RouteGroupBuilder MapSearchEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/search", Search).AllowQuery("q", "district", "limit").Offers(ResponseFormat.Json)
            .WithTags("Search")
            .WithName("Search")
            .WithSummary("Find a postcode, place, street, ward or district")
            .WithDescription("A full postcode (TN13 1AA, tn131aa), a partial one (TN13, TN13 1: first the area as a whole, then its postcodes), "
                + "or a name: places and streets from OS Open Names, wards and districts, matched exactly, by their beginning or by trigram "
                + "similarity (so misspellings are found), best first. Each result has a point (lon, lat), its ward and district, and an href: "
                + "near me at that point, or the ward's or district's page. postcodes.loaded and names.loaded say whether that data is loaded; "
                + "when it is not, the note says so, and an empty result list means nothing was loaded to search rather than nothing found.")
            .Produces<SearchAnswer>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType);
        return api;
    }

    private static async Task<IResult> Search(HttpRequest request, SearchQueries queries, string? q, string? district, string? limit, CancellationToken cancellationToken)
    {
        var query = Query(q);
        var code = RequestValues.GssCode(district, "district", "E07000111");
        var count = RequestValues.Limit(limit, DefaultLimit, MaxLimit);
        var (shape, pattern) = SearchQueries.Shape(query);
        var (postcodesLoaded, namesLoaded) = await queries.LoadedAsync(code, cancellationToken);
        var results = shape == QueryShape.Name
            ? await queries.NamesAsync(pattern, code, count, cancellationToken)
            : await queries.PostcodesAsync(shape, pattern, code, count, cancellationToken);
        var where = code is null ? "" : $" for district {code}";
        return TypedResults.Json(new SearchAnswer(
            query,
            shape switch { QueryShape.Postcode => "postcode", QueryShape.PartialPostcode => "partial-postcode", _ => "name" },
            new SearchData(postcodesLoaded, postcodesLoaded ? null : $"No postcodes are loaded{where}, so postcodes cannot be found: load the ONS Postcode Directory (dataset postcodes of data/geo/sources.json, with ./districtmap load or collect)."),
            new SearchData(namesLoaded, namesLoaded ? null : $"No place or street names are loaded{where}: only wards and districts can be found by name until OS Open Names is loaded (dataset place-names of data/geo/sources.json)."),
            [.. results.Select(r => r with { Href = Href(request, r) })]));
    }

    private static string Href(HttpRequest request, SearchResult result) => result.Kind switch
    {
        "ward" when result.Ward is { } ward => Links.Absolute(request, $"/api/wards/{ward.Code}"),
        "district" when result.District is { } district => Links.Absolute(request, $"/api/districts/{district.Code}"),
        _ => Links.Absolute(request, "/api/nearby", QueryString.Create(new Dictionary<string, string?>
        {
            ["lon"] = result.Lon.ToString(CultureInfo.InvariantCulture),
            ["lat"] = result.Lat.ToString(CultureInfo.InvariantCulture),
        })),
    };

    private static string Query(string? value)
    {
        var query = value?.Trim() ?? "";
        if (query.Length == 0)
        {
            throw new BadRequestException("q is required: a postcode (TN13 1AA), a partial postcode (TN13 1), or the name of a place, street, ward or district.");
        }

        if (query.Length > MaxQueryLength)
        {
            throw new BadRequestException($"q is {query.Length} characters long: give at most {MaxQueryLength}.");
        }

        return query.Length >= 2
            ? query
            : throw new BadRequestException($"q '{query}' is too short: give at least 2 characters.");
    }

}
