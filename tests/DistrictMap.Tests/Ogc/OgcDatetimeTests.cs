using System.Text.Json;

namespace DistrictMap.Tests.Ogc;

/// <summary>OGC API - Features Part 1, datetime (/req/core/fc-time-definition, /req/core/fc-time-response), on synthetic data.</summary>
[Collection(OgcTests.Name)]
public sealed class OgcDatetimeTests(OgcFixture api)
{
    // The synthetic plan's actions run T1 2025-01-01..2030-12-31, T2 2025-01-01..2025-06-30, T3 2026-01-01..2030-12-31, T4 2024-01-01..2024-12-31.
    [Theory]
    [InlineData("2025-03-01T12:00:00Z", new[] { "T1", "T2" })]
    [InlineData("2025-06-30T23:59:59Z", new[] { "T1", "T2" })]
    [InlineData("2025-07-01T00:00:00Z", new[] { "T1" })]
    [InlineData("2025-07-01T00:30:00%2B01:00", new[] { "T1", "T2" })]
    [InlineData("2024-06-01T00:00:00Z/2025-02-01T00:00:00Z", new[] { "T1", "T2", "T4" })]
    [InlineData("2025-12-01T00:00:00Z/..", new[] { "T1", "T3" })]
    [InlineData("2025-12-01T00:00:00Z/", new[] { "T1", "T3" })]
    [InlineData("../2024-12-31T00:00:00Z", new[] { "T4" })]
    [InlineData("/2024-12-31T00:00:00Z", new[] { "T4" })]
    [InlineData("2031-01-01T00:00:00Z/..", new string[0])]
    [InlineData("2024-12-31", new[] { "T4" })]
    public async Task Actions_are_filtered_by_their_start_and_due_dates(string datetime, string[] references)
    {
        var ids = await IdsAsync($"/ogc/collections/actions/items?limit=100&datetime={datetime}");

        var expected = new List<string>();
        foreach (var reference in references)
        {
            expected.Add((await api.ActionIdAsync(reference)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_action_without_dates_matches_every_datetime()
    {
        var id = await api.ActionIdAsync("T2");
        await api.Db.ScalarAsync<int>("UPDATE actions SET start = NULL, due = NULL WHERE id = $1 RETURNING id", id);
        try
        {
            var ids = await IdsAsync("/ogc/collections/actions/items?limit=100&datetime=1999-01-01T00:00:00Z");
            Assert.Equal([id.ToString(System.Globalization.CultureInfo.InvariantCulture)], ids);
        }
        finally
        {
            await api.Db.ScalarAsync<int>("UPDATE actions SET start = '2025-01-01', due = '2025-06-30' WHERE id = $1 RETURNING id", id);
        }
    }

    [Fact]
    public async Task Collections_without_a_time_match_every_feature_and_numberMatched_agrees()
    {
        var all = await api.JsonAsync("/ogc/collections/wards/items");
        var timed = await api.JsonAsync("/ogc/collections/wards/items?datetime=1900-01-01T00:00:00Z");

        Assert.Equal(3, timed.GetProperty("numberMatched").GetInt32());
        Assert.Equal(all.GetProperty("numberMatched").GetInt32(), timed.GetProperty("numberMatched").GetInt32());
    }

    [Fact]
    public async Task LSOAs_are_timed_by_the_census_year_of_their_geography()
    {
        Assert.Equal(6, (await api.JsonAsync("/ogc/collections/lsoas/items?datetime=2011-03-27T00:00:00Z")).GetProperty("numberMatched").GetInt32());
        Assert.Equal(0, (await api.JsonAsync("/ogc/collections/lsoas/items?datetime=2021-03-21T00:00:00Z")).GetProperty("numberMatched").GetInt32());
    }

    [Fact]
    public async Task Town_centre_projects_are_timed_from_start_to_end()
    {
        var page = await api.JsonAsync("/ogc/collections/town-centre-projects/items?datetime=2025-05-01T00:00:00Z");

        Assert.All(page.GetProperty("features").EnumerateArray(), f =>
        {
            var start = f.GetProperty("properties").GetProperty("start");
            var end = f.GetProperty("properties").GetProperty("end");
            Assert.True(start.ValueKind == JsonValueKind.Null || string.CompareOrdinal(start.GetString(), "2025-05-01") <= 0);
            Assert.True(end.ValueKind == JsonValueKind.Null || string.CompareOrdinal(end.GetString(), "2025-05-01") >= 0);
        });
        Assert.Contains(page.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("title").GetString() == "Synthetic Market Project");
    }

    [Fact]
    public async Task A_timed_collection_declares_its_temporal_extent()
    {
        var actions = await api.JsonAsync("/ogc/collections/actions");

        var temporal = actions.GetProperty("extent").GetProperty("temporal");
        Assert.Equal("http://www.opengis.net/def/uom/ISO-8601/0/Gregorian", temporal.GetProperty("trs").GetString());
        Assert.Equal(["2024-01-01T00:00:00Z", "2031-01-01T00:00:00Z"], temporal.GetProperty("interval")[0].EnumerateArray().Select(v => v.GetString()));
        var wards = await api.JsonAsync("/ogc/collections/wards");
        Assert.False(wards.GetProperty("extent").TryGetProperty("temporal", out _));
    }

    [Fact]
    public async Task Next_links_keep_the_datetime()
    {
        var pages = await api.FollowNextAsync("/ogc/collections/actions/items?limit=1&datetime=2025-03-01T00:00:00Z");

        Assert.Equal(2, pages.Count);
        Assert.All(pages, p => Assert.Equal(2, p.GetProperty("numberMatched").GetInt32()));
    }

    [Fact]
    public async Task Dates_are_properties_in_GeoJSON_and_CSV()
    {
        var id = await api.ActionIdAsync("T4");
        var feature = await api.JsonAsync($"/ogc/collections/actions/items/{id}");
        var csv = await api.Client.GetStringAsync($"/ogc/collections/actions/items?f=csv&properties=start,due&datetime=2024-06-01T00:00:00Z/2024-07-01T00:00:00Z");

        Assert.Equal("2024-01-01", feature.GetProperty("properties").GetProperty("start").GetString());
        Assert.Equal("2024-12-31", feature.GetProperty("properties").GetProperty("due").GetString());
        Assert.Equal($"id,start,due\r\n{id},2024-01-01,2024-12-31\r\n", csv);
    }

    [Theory]
    [InlineData("yesterday", "is not a date-time")]
    [InlineData("2025-13-01T00:00:00Z", "is not a date-time")]
    [InlineData("2025-01-01T00:00:00", "is not a date-time")]
    [InlineData("../..", "open at both ends")]
    [InlineData("/", "open at both ends")]
    [InlineData("2025-02-01T00:00:00Z/2025-01-01T00:00:00Z", "ends before it starts")]
    [InlineData("2025-01-01T00:00:00Z/2025-02-01T00:00:00Z/2025-03-01T00:00:00Z", "more than one '/'")]
    public async Task A_bad_datetime_is_a_400_that_says_what_is_allowed(string datetime, string expected)
    {
        var detail = await api.ProblemAsync($"/ogc/collections/actions/items?datetime={Uri.EscapeDataString(datetime)}", 400);

        Assert.Contains(expected, detail, StringComparison.Ordinal);
        if (!expected.StartsWith("ends", StringComparison.Ordinal))
        {
            Assert.Contains("RFC 3339", detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_datetime_on_items()
    {
        using var document = JsonDocument.Parse(await api.Client.GetStringAsync("/openapi/v1.json"));

        var parameters = document.RootElement.GetProperty("paths").GetProperty("/ogc/collections/{collectionId}/items").GetProperty("get").GetProperty("parameters");
        var datetime = parameters.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "datetime");
        Assert.Equal("query", datetime.GetProperty("in").GetString());
        Assert.Equal("string", datetime.GetProperty("schema").GetProperty("type").GetString());
        Assert.Contains("..", datetime.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private async Task<List<string>> IdsAsync(string url) =>
        [.. (await api.JsonAsync(url)).GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!)];
}
