using DistrictMap.Api.Plan;
using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictMap.Tests.Plan;

/// <summary>Whole-plan import and export as CSV.</summary>
public sealed class PlanImportTests : DatabaseTest
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SyntheticDistrict.LoadAllAsync(Db);
    }

    [Fact]
    public async Task A_plan_imports_and_importing_it_again_changes_nothing()
    {
        var first = await PlanFixture.ImportPlanAsync(Db, "plan-synthetic");
        var before = await Db.DigestAsync();

        var again = await PlanFixture.ImportPlanAsync(Db, "plan-synthetic");

        Assert.Equal((3, 2, 4, 3, 7), (first.Partners, first.Indicators, first.Actions, first.Updates, first.Values));
        Assert.Equal((0, 0, 0, 0, 0), (again.Partners, again.Indicators, again.Actions, again.Updates, again.Values));
        Assert.Equal(before, await Db.DigestAsync());
    }

    [Fact]
    public async Task A_plan_with_bad_rows_writes_nothing_and_reports_every_bad_row()
    {
        var before = await Db.DigestAsync();

        var error = await Assert.ThrowsAsync<PlanImportException>(() => PlanFixture.ImportPlanAsync(Db, "plan-bad"));

        Assert.Equal(3, error.Errors.Count);
        Assert.StartsWith("actions.csv row 2: ", error.Errors[0], StringComparison.Ordinal);
        Assert.Contains("priority", error.Errors[0], StringComparison.Ordinal);
        Assert.Contains("partner 'Nobody Ltd' is not in partners.csv", error.Errors[1], StringComparison.Ordinal);
        Assert.Contains("There is no ward E05000000 loaded", error.Errors[1], StringComparison.Ordinal);
        Assert.Contains("due", error.Errors[2], StringComparison.Ordinal);
        Assert.Equal(before, await Db.DigestAsync());
    }

    [Fact]
    public async Task An_exported_plan_imports_into_another_database_unchanged()
    {
        await PlanFixture.ImportPlanAsync(Db, "plan-synthetic");
        var folder = Directory.CreateTempSubdirectory("districtmap-plan-export-").FullName;
        try
        {
            await using (var scope = Db.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<PlanCsv>().ExportAsync(folder, SyntheticDistrict.Code, CancellationToken.None);
            }

            await using var other = await TestDatabase.CreateAsync();
            await SyntheticDistrict.LoadAllAsync(other);
            await using (var scope = other.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<PlanCsv>().ImportAsync(folder, SyntheticDistrict.Code, sample: false, replace: false, CancellationToken.None);
            }

            const string actions = """
                SELECT a.reference, a.title, a.priority_code, p.name, a.status, a.rag, a.start, a.due, a.district_wide, array_to_string(a.tags, ';'),
                       ST_AsText(a.location), (SELECT string_agg(ward_code, ';' ORDER BY ward_code) FROM action_wards w WHERE w.action_id = a.id)
                FROM actions a JOIN partners p ON p.id = a.lead_partner_id ORDER BY a.reference
                """;
            Assert.Equal(await Rows(Db, actions), await Rows(other, actions));
            const string values = "SELECT indicator_code, area_code, period, value, target FROM indicator_values ORDER BY 1, 2, 3";
            Assert.Equal(await Rows(Db, values), await Rows(other, values));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Replace_removes_actions_no_longer_in_the_file()
    {
        await PlanFixture.ImportPlanAsync(Db, "plan-synthetic");
        await Db.DataSource.CreateCommand("UPDATE actions SET reference = 'GONE' WHERE reference = 'T4'").ExecuteNonQueryAsync();

        var summary = await PlanFixture.ImportPlanAsync(Db, "plan-synthetic", replace: true);

        Assert.Equal(1, summary.Removed);
        Assert.Equal(["T1", "T2", "T3", "T4"], await Db.ListAsync("SELECT reference FROM actions ORDER BY reference", r => r.GetString(0)));
    }

    private static Task<List<string>> Rows(TestDatabase db, string sql) =>
        db.ListAsync(sql, r => string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
}
