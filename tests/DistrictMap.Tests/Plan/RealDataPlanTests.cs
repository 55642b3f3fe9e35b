using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Plan;

/// <summary>The focus-ward rule and the sample plan on the real Sevenoaks data.</summary>
public sealed class RealDataPlanTests(SevenoaksApiFixture api) : IClassFixture<SevenoaksApiFixture>
{
    [RealDataFact]
    public async Task The_default_rule_makes_Swanley_St_Marys_and_Swanley_White_Oak_focus_wards_with_their_reasons()
    {
        var focus = await api.JsonAsync("/api/focus-wards?district=E07000111");

        var wards = focus.GetProperty("wards").EnumerateArray().ToDictionary(w => w.GetProperty("code").GetString()!);
        foreach (var code in new[] { "E05005031", "E05005032" })
        {
            var reasons = wards[code].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
            Assert.Contains(reasons, r => r.StartsWith("Contains 2 LSOAs in national IMD deciles 1-3", StringComparison.Ordinal));
            Assert.Contains(reasons, r => r.Contains("among the most deprived fifth", StringComparison.Ordinal));
        }

        Assert.Equal("Swanley St Mary's", wards["E05005031"].GetProperty("name").GetString());
        // 26 wards: the most deprived fifth is the first 5 by score; only the two Swanley wards hold LSOAs in deciles 1-3.
        Assert.Equal(5, wards.Count);
    }

    [RealDataFact]
    public async Task The_sample_plan_loads_and_is_marked_sample()
    {
        var summary = await PlanFixture.ImportSamplePlanAsync(api.Db);
        var actions = await api.JsonAsync("/api/actions?district=E07000111");

        Assert.InRange(summary.Actions, 20, 30);
        Assert.All(actions.GetProperty("actions").EnumerateArray(), a => Assert.True(a.GetProperty("sample").GetBoolean()));
        Assert.All(actions.GetProperty("actions").EnumerateArray(), a => Assert.StartsWith("Sample", a.GetProperty("title").GetString(), StringComparison.Ordinal));
    }
}
