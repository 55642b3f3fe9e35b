using System.Text.Json;
using DistrictMap.Api.Search.Import;
using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictMap.Tests.Search;

/// <summary>The synthetic district with the synthetic postcodes (ZZ…) and place names, and the real application over it.</summary>
public sealed class SearchApiFixture : ApiFixture
{
    protected override async Task LoadAsync(TestDatabase db)
    {
        await SyntheticDistrict.LoadAllAsync(db);
        await LoadGazetteersAsync(db);
    }

    /// <summary>The synthetic postcodes and place names, through the product's importers (the synthetic district must be loaded).</summary>
    public static async Task LoadGazetteersAsync(TestDatabase db)
    {
        await db.Services.GetRequiredService<PostcodeImporter>().ImportAsync(
            new GazetteerImportOptions { Path = Fixtures.File("onspd-synthetic.csv"), District = SyntheticDistrict.Code }, TestDatabase.NoProgress);
        await db.Services.GetRequiredService<PlaceNameImporter>().ImportAsync(
            new GazetteerImportOptions { Path = Fixtures.File("open-names-synthetic.csv"), District = SyntheticDistrict.Code, LocalTypes = ["Town", "Village", "Hamlet", "Named Road"] },
            TestDatabase.NoProgress);
    }
}

/// <summary>/api/search: postcodes, partial postcodes, names (misspelt too), wards; ranking, notes and errors.</summary>
public sealed class SearchApiTests(SearchApiFixture api) : IClassFixture<SearchApiFixture>
{
    private static List<JsonElement> Results(JsonElement answer) => [.. answer.GetProperty("results").EnumerateArray()];

    private static string Name(JsonElement result) => result.GetProperty("name").GetString()!;

    [Fact]
    public async Task A_full_postcode_in_any_spelling_finds_its_point_ward_and_near_me_link()
    {
        var answer = await api.JsonAsync("/api/search?q=zz11ab");

        Assert.Equal("postcode", answer.GetProperty("interpretedAs").GetString());
        Assert.True(answer.GetProperty("postcodes").GetProperty("loaded").GetBoolean());
        var result = Assert.Single(Results(answer));
        Assert.Equal(("postcode", "ZZ1 1AB"), (result.GetProperty("kind").GetString(), Name(result)));
        Assert.Equal((0.055, 51.052), (result.GetProperty("lon").GetDouble(), result.GetProperty("lat").GetDouble()));
        Assert.Equal("E05999901", result.GetProperty("ward").GetProperty("code").GetString());
        Assert.Equal("Synthetic Ward A", result.GetProperty("ward").GetProperty("name").GetString());
        Assert.Equal("E07999999", result.GetProperty("district").GetProperty("code").GetString());
        Assert.EndsWith("/api/nearby?lon=0.055&lat=51.052", result.GetProperty("href").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partial_postcode_gives_the_area_first_then_its_live_postcodes_in_order()
    {
        var sector = Results(await api.JsonAsync("/api/search?q=ZZ1%201"));
        var outward = Results(await api.JsonAsync("/api/search?q=zz1"));

        Assert.Equal(["ZZ1 1", "ZZ1 1AA", "ZZ1 1AB", "ZZ1 1BA"], sector.Select(Name));
        Assert.Equal("postcode-area", sector[0].GetProperty("kind").GetString());
        Assert.Equal("3 postcodes", sector[0].GetProperty("type").GetString());
        Assert.Equal("E05999901", sector[0].GetProperty("ward").GetProperty("code").GetString());
        // The terminated ZZ1 9ZZ and ZZ1 9ZY without a grid reference were never loaded; ZZ2 is another outward code.
        Assert.Equal(["ZZ1", "ZZ1 1AA", "ZZ1 1AB", "ZZ1 1BA", "ZZ1 2AA"], outward.Select(Name));
    }

    [Fact]
    public async Task A_place_name_ranks_the_exact_match_first_then_names_that_begin_with_it()
    {
        var results = Results(await api.JsonAsync("/api/search?q=oakhollow"));

        Assert.Equal("Oakhollow", Name(results[0]));
        Assert.Equal(("place", "Town"), (results[0].GetProperty("kind").GetString(), results[0].GetProperty("type").GetString()));
        Assert.Equal(1.0, results[0].GetProperty("score").GetDouble());
        Assert.Equal("Oakhollow High Street", Name(results[1]));
        Assert.Equal("street", results[1].GetProperty("kind").GetString());
        Assert.Contains(results, r => Name(r) == "Little Oakhollow");
        var scores = results.Select(r => r.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Equal("E05999901", results[0].GetProperty("ward").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_misspelt_town_is_still_found_first()
    {
        var results = Results(await api.JsonAsync("/api/search?q=Okhollow"));

        Assert.Equal("Oakhollow", Name(results[0]));
        Assert.True(results[0].GetProperty("score").GetDouble() < 1);
    }

    [Fact]
    public async Task Wards_are_found_by_name_with_a_link_to_their_profile()
    {
        var results = Results(await api.JsonAsync("/api/search?q=synthetic%20ward%20b"));

        Assert.Equal(("ward", "Synthetic Ward B"), (results[0].GetProperty("kind").GetString(), Name(results[0])));
        Assert.EndsWith("/api/wards/E05999902", results[0].GetProperty("href").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_outside_the_district_and_left_out_local_types_are_not_loaded()
    {
        Assert.DoesNotContain(Results(await api.JsonAsync("/api/search?q=Farhaven")), r => Name(r) == "Farhaven");
        Assert.Single(Results(await api.JsonAsync("/api/search?q=Mill%20Lane")), r => Name(r) == "Mill Lane");
    }

    [Theory]
    [InlineData("/api/search", "q is required")]
    [InlineData("/api/search?q=%20%20", "q is required")]
    [InlineData("/api/search?q=a", "too short")]
    [InlineData("/api/search?q=oak&limit=0", "limit '0' must be a whole number from 1 to 50")]
    [InlineData("/api/search?q=oak&district=kent", "is not a GSS code")]
    [InlineData("/api/search?q=oak&where=1", "where")]
    public async Task Bad_queries_are_problem_details_that_say_what_is_allowed(string url, string detail)
    {
        Assert.Contains(detail, await api.ProblemAsync(url, 400), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_too_long_is_refused()
    {
        Assert.Contains("at most 100", await api.ProblemAsync($"/api/search?q={new string('x', 101)}", 400), StringComparison.Ordinal);
    }
}

/// <summary>Search where no postcodes or names are loaded: the answer says so.</summary>
public sealed class SearchWithoutDataTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Without_postcode_data_the_answer_says_so_rather_than_only_finding_nothing()
    {
        var answer = await api.JsonAsync("/api/search?q=ZZ1%201AA");

        Assert.False(answer.GetProperty("postcodes").GetProperty("loaded").GetBoolean());
        Assert.Contains("No postcodes are loaded", answer.GetProperty("postcodes").GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Empty(answer.GetProperty("results").EnumerateArray());
        // Wards can still be found by name.
        var ward = await api.JsonAsync("/api/search?q=Synthetic%20Ward%20C");
        Assert.False(ward.GetProperty("names").GetProperty("loaded").GetBoolean());
        Assert.Equal("Synthetic Ward C", ward.GetProperty("results")[0].GetProperty("name").GetString());
    }
}
