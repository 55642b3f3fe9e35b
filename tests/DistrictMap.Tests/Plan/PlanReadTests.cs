using System.Text.Json;

namespace DistrictMap.Tests.Plan;

/// <summary>Reads of the plan, focus wards, gaps and monitoring, on the synthetic district and plan.</summary>
public sealed class PlanReadTests(PlanFixture plan) : IClassFixture<PlanFixture>
{
    private static List<string?> Titles(JsonElement list) =>
        [.. list.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString())];

    [Fact]
    public async Task Priorities_and_partners()
    {
        var priorities = await plan.JsonAsync("/api/priorities");
        var partners = await plan.JsonAsync("/api/partners");

        Assert.Equal(["place", "economy", "people", "environment"], priorities.GetProperty("priorities").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
        Assert.Equal(["Synthetic Partner A", "Synthetic Partner B", "Synthetic Partner C"], partners.GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Theory]
    [InlineData("", new[] { "Synthetic action four", "Synthetic action two", "Synthetic action one", "Synthetic action three" })]
    [InlineData("?priority=people", new[] { "Synthetic action one" })]
    [InlineData("?ward=E05999903", new[] { "Synthetic action four", "Synthetic action two", "Synthetic action three" })]
    [InlineData("?tag=shared", new[] { "Synthetic action two", "Synthetic action one" })]
    [InlineData("?status=complete", new[] { "Synthetic action four" })]
    [InlineData("?rag=red", new[] { "Synthetic action two" })]
    [InlineData("?bbox=0.0,51.0,0.09,51.09", new[] { "Synthetic action one" })]
    public async Task Actions_filter_by_priority_ward_tag_status_RAG_and_bbox(string query, string[] titles)
    {
        Assert.Equal(titles, Titles(await plan.JsonAsync($"/api/actions{query}")));
    }

    [Fact]
    public async Task Filtering_by_partner_finds_lead_and_supporting_roles()
    {
        var partners = await plan.JsonAsync("/api/partners");
        var c = partners.GetProperty("partners").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Synthetic Partner C").GetProperty("id").GetInt32();

        Assert.Equal(["Synthetic action one"], Titles(await plan.JsonAsync($"/api/actions?partner={c}")));
    }

    [Fact]
    public async Task An_action_has_its_wards_partners_indicators_and_updates()
    {
        var id = await plan.ActionIdAsync("T2");
        var action = await plan.JsonAsync($"/api/actions/{id}");

        Assert.Equal(["E05999902", "E05999903"], action.GetProperty("wards").EnumerateArray().Select(w => w.GetProperty("code").GetString()));
        Assert.Equal("red", action.GetProperty("rag").GetString());
        Assert.Equal(["2025-Q4", "2025-Q3"], action.GetProperty("updates").EnumerateArray().Select(u => u.GetProperty("quarter").GetString()));
        Assert.False(action.GetProperty("sample").GetBoolean());
    }

    [Fact]
    public async Task Actions_as_CSV_and_as_GeoJSON_drawn_where_they_act()
    {
        using var csv = await plan.Client.GetAsync("/api/actions?f=csv");
        var geojson = await plan.JsonAsync("/api/actions?f=geojson");

        Assert.StartsWith("id,reference,district,title", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var features = geojson.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("properties").GetProperty("reference").GetString()!);
        Assert.Equal([0.05, 51.05], features["T1"].GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        Assert.Equal("LineString", features["T4"].GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal("Point", features["T3"].GetProperty("geometry").GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_actions_collection_serves_OGC_API_features()
    {
        var page = await plan.JsonAsync("/ogc/collections/actions/items?rag=red");

        Assert.Equal(1, page.GetProperty("numberMatched").GetInt32());
        var properties = page.GetProperty("features")[0].GetProperty("properties");
        Assert.Equal("Synthetic action two", properties.GetProperty("title").GetString());
        Assert.Equal("E05999902,E05999903", properties.GetProperty("wards").GetString());
        Assert.False(properties.GetProperty("sample").GetBoolean());
    }

    [Fact]
    public async Task Near_me_finds_the_actions_that_have_a_location_by_distance()
    {
        var near = await plan.JsonAsync("/api/nearby?lon=0.05&lat=51.05&radius=1000&kinds=actions");
        var far = await plan.JsonAsync("/api/nearby?lon=0.05&lat=51.05&radius=20000&kinds=actions");

        var only = Assert.Single(near.GetProperty("features").EnumerateArray());
        Assert.Equal(("actions", "Synthetic action one", 0.0), (only.GetProperty("kind").GetString(), only.GetProperty("name").GetString(), only.GetProperty("distanceMetres").GetDouble()));
        Assert.Equal(("people", "Synthetic Partner A", "in-progress"), (
            only.GetProperty("properties").GetProperty("priority").GetString(),
            only.GetProperty("properties").GetProperty("leadPartner").GetString(),
            only.GetProperty("properties").GetProperty("status").GetString()));
        Assert.EndsWith($"/ogc/collections/actions/items/{await plan.ActionIdAsync("T1")}", only.GetProperty("href").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ["Synthetic action one", "Synthetic action four"],
            far.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.InRange(far.GetProperty("features")[1].GetProperty("distanceMetres").GetDouble(), 11_000, 12_500);
    }

    [Fact]
    public async Task Indicator_values_sit_beside_their_districts_value()
    {
        var values = await plan.JsonAsync("/api/indicators/SYN-UP/values?area=E05999902&period=2025-Q4");

        var value = Assert.Single(values.GetProperty("values").EnumerateArray().ToList());
        Assert.Equal((45.0, 42.0), (value.GetProperty("value").GetDouble(), value.GetProperty("districtValue").GetDouble()));
        Assert.Equal("higher-is-better", values.GetProperty("indicator").GetProperty("polarity").GetString());
    }

    [Fact]
    public async Task Focus_wards_come_with_the_reasons_that_made_them_focus_wards()
    {
        var focus = await plan.JsonAsync("/api/focus-wards");

        var wards = focus.GetProperty("wards").EnumerateArray().ToDictionary(w => w.GetProperty("code").GetString()!, w => w.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList());
        // B is the most deprived by weighted score (rank 1 of 3: the most deprived fifth keeps one); A and C hold LSOAs in deciles 1-3.
        Assert.Equal(["E05999901", "E05999902", "E05999903"], wards.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Ranked 1 of 3 wards in its district by population-weighted IMD score: among the most deprived fifth (IoD2019)."], wards["E05999902"]);
        Assert.Equal(["Contains 1 LSOA in national IMD deciles 1-3 (IoD2019)."], wards["E05999901"]);
        Assert.Equal(3, focus.GetProperty("rule").GetProperty("maxDecile").GetInt32());
    }

    [Fact]
    public async Task Gaps_count_the_actions_partners_and_updates_reaching_each_ward()
    {
        var gaps = await plan.JsonAsync("/api/gaps");

        var wards = gaps.GetProperty("wards").EnumerateArray().ToDictionary(w => w.GetProperty("code").GetString()!);
        Assert.Equal(["E05999902", "E05999903", "E05999901"], gaps.GetProperty("wards").EnumerateArray().Select(w => w.GetProperty("code").GetString()));
        Assert.Equal((2, 1, 1), (wards["E05999903"].GetProperty("actions").GetInt32(), wards["E05999903"].GetProperty("partners").GetInt32(), wards["E05999903"].GetProperty("districtWideActions").GetInt32()));
        Assert.Equal(2, wards["E05999901"].GetProperty("partners").GetInt32());
    }

    [Fact]
    public async Task Monitoring_flags_a_red_action_and_an_indicator_moving_the_wrong_way()
    {
        var report = await plan.JsonAsync("/api/monitoring?quarter=2025-Q4");

        Assert.Equal(["Synthetic action two"], report.GetProperty("atRisk").EnumerateArray().Select(a => a.GetProperty("title").GetString()));
        Assert.Contains("Synthetic action two", report.GetProperty("overdue").EnumerateArray().Select(a => a.GetProperty("title").GetString()));
        var offTrack = report.GetProperty("indicatorsOffTrack").EnumerateArray().ToList();
        var wrongWay = offTrack.Single(i => i.GetProperty("code").GetString() == "SYN-UP" && i.GetProperty("area").GetString() == "E05999901");
        Assert.Contains("Moving the wrong way: 40 in 2025-Q3, 35 in 2025-Q4", wrongWay.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(offTrack, i => i.GetProperty("area").GetString() == "E05999902");
        Assert.DoesNotContain(offTrack, i => i.GetProperty("code").GetString() == "SYN-DOWN");
        var people = report.GetProperty("byPriority").EnumerateArray().Single(p => p.GetProperty("priority").GetString() == "people");
        Assert.Equal(1, people.GetProperty("green").GetInt32());
    }

    [Fact]
    public async Task Monitoring_in_an_earlier_quarter_uses_the_RAG_reported_then()
    {
        var report = await plan.JsonAsync("/api/monitoring?quarter=2025-Q3");

        Assert.Empty(report.GetProperty("atRisk").EnumerateArray());
        var environment = report.GetProperty("byPriority").EnumerateArray().Single(p => p.GetProperty("priority").GetString() == "environment");
        Assert.Equal(1, environment.GetProperty("amber").GetInt32());
    }

    [Fact]
    public async Task The_ward_profile_gains_its_focus_actions_and_indicators()
    {
        var ward = await plan.JsonAsync("/api/wards/E05999901");

        Assert.True(ward.GetProperty("focus").GetProperty("isFocus").GetBoolean());
        Assert.Equal(["Synthetic action one", "Synthetic action three"], ward.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()).Order());
        var indicator = Assert.Single(ward.GetProperty("indicators").EnumerateArray().ToList());
        Assert.Equal(("SYN-UP", "2025-Q4", 35.0, 42.0), (indicator.GetProperty("code").GetString(), indicator.GetProperty("period").GetString(), indicator.GetProperty("value").GetDouble(), indicator.GetProperty("districtValue").GetDouble()));
    }

    [Theory]
    [InlineData("/api/actions?priority=wellbeing", 400, "priority 'wellbeing' is not one of")]
    [InlineData("/api/actions?partner=abc", 400, "must be a partner id")]
    [InlineData("/api/actions?bbox=1,2", 400, "bbox has 2 numbers")]
    [InlineData("/api/actions/999999", 404, "There is no action 999999.")]
    [InlineData("/api/indicators/NOPE/values", 404, "There is no indicator 'NOPE'")]
    [InlineData("/api/indicators/SYN-UP/values?period=Q4", 400, "must be a quarter such as 2025-Q2")]
    [InlineData("/api/monitoring?quarter=2025Q4", 400, "quarter '2025Q4' must look like 2025-Q2")]
    [InlineData("/api/focus-wards?district=E07000001", 404, "There are no wards of district E07000001 loaded")]
    public async Task Bad_plan_requests_get_problem_details(string url, int status, string detail)
    {
        Assert.Contains(detail, await plan.ProblemAsync(url, status), StringComparison.Ordinal);
    }
}
