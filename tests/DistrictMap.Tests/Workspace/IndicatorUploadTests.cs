using System.Text;
using DistrictMap.Api.Access;
using DistrictMap.Api.Workspace;
using DistrictMap.Tests.Plan;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictMap.Tests.Workspace;

/// <summary>
/// The partners' CSV upload of indicator values over real PostGIS (synthetic plan): all or nothing in one
/// transaction, every bad row named with its reasons, one audit row per value written, the data version moved on.
/// </summary>
public sealed class IndicatorUploadTests : IAsyncLifetime
{
    private readonly PlanFixture plan = new();

    public Task InitializeAsync() => plan.InitializeAsync();

    public Task DisposeAsync() => plan.DisposeAsync();

    private static readonly Actor PartnerA = new("a@partner-a.example", Roles.Partner, 1);

    private async Task<UploadOutcome> UploadAsync(string csv, string? encoding = null)
    {
        await using var scope = plan.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IndicatorUpload>().UploadAsync(Encoding.UTF8.GetBytes(csv), encoding, PartnerA, CancellationToken.None);
    }

    private Task<long> AuditRowsAsync() => plan.Db.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'indicator-value'");

    private Task<long> DataVersionAsync() => plan.Db.ScalarAsync<long>("SELECT version FROM data_state WHERE id = 1");

    [Fact]
    public async Task Bad_rows_write_nothing_and_each_is_named_with_every_reason()
    {
        var values = await plan.Db.CountAsync("indicator_values");
        var audits = await AuditRowsAsync();
        var version = await DataVersionAsync();
        const string csv = "indicator,area,period,value,target,note\n"
            + "SYN-UP,E05999901,2026-Q1,41,50,good\n"
            + "SYN-UP,E05999902,2026-13,forty,,bad period and value\n"
            + "SYN-DOWN,E05999901,2026-Q1,8,,a ward for a district indicator\n"
            + "NO-SUCH,E07999999,2026-Q1,1,,unknown indicator\n"
            + "SYN-UP,E05999901,2026-Q1,42,,twice\n"
            + "SYN-DOWN,E07999999,2026-Q1,8,,good\n";

        var outcome = await UploadAsync(csv);

        Assert.False(outcome.Succeeded);
        Assert.Equal(6, outcome.Received);
        Assert.Equal(0, outcome.Written);
        Assert.Null(outcome.Problem);
        Assert.Equal(["row 2", "row 3", "row 4", "row 5"], outcome.BadRows.Select(b => b.Row));
        var reasons = outcome.BadRows.ToDictionary(b => b.Row, b => string.Join(" ", b.Reasons));
        Assert.Contains("period '2026-13'", reasons["row 2"], StringComparison.Ordinal);
        Assert.Contains("value must be a number", reasons["row 2"], StringComparison.Ordinal);
        Assert.Contains("not a loaded district code", reasons["row 3"], StringComparison.Ordinal);
        Assert.Contains("indicator 'NO-SUCH'", reasons["row 4"], StringComparison.Ordinal);
        Assert.Contains("given twice", reasons["row 5"], StringComparison.Ordinal);
        Assert.Equal(values, await plan.Db.CountAsync("indicator_values"));
        Assert.Equal(audits, await AuditRowsAsync());
        Assert.Equal(version, await DataVersionAsync());
    }

    [Fact]
    public async Task A_good_file_of_several_indicators_writes_in_one_batch_audits_each_value_and_moves_the_version_once()
    {
        var audits = await AuditRowsAsync();
        var version = await DataVersionAsync();
        const string csv = "area,indicator,period,value,target\n"
            + "E05999901,SYN-UP,2026-Q1,41,50\n"
            + "e05999903,SYN-UP,2026-Q1,39.5,\n"
            + "E07999999,SYN-DOWN,2026-Q1,8,12\n"
            + "E05999901,SYN-UP,2025-Q4,35,50\n";

        var outcome = await UploadAsync(csv);

        Assert.True(outcome.Succeeded, string.Join(" | ", outcome.BadRows.Select(b => $"{b.Row}: {string.Join(" ", b.Reasons)}")) + outcome.Problem);
        // The last row is for a value the synthetic plan holds (with a note this file leaves out): it is replaced, not added.
        Assert.Equal(4, outcome.Received);
        Assert.Equal(4, outcome.Written);
        Assert.Equal(39.5, await plan.Db.ScalarAsync<double>("SELECT value FROM indicator_values WHERE indicator_code = 'SYN-UP' AND area_code = 'E05999903' AND period = '2026-Q1'"));
        Assert.Equal(1L, await plan.Db.ScalarAsync<long>("SELECT count(*) FROM indicator_values WHERE indicator_code = 'SYN-UP' AND area_code = 'E05999901' AND period = '2025-Q4'"));
        Assert.Equal(audits + 4, await AuditRowsAsync());
        Assert.Equal(3L, await plan.Db.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'indicator-value' AND operation = 'create' AND actor = 'a@partner-a.example (partner)'"));
        Assert.Equal(1L, await plan.Db.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'indicator-value' AND operation = 'update' AND before IS NOT NULL"));
        Assert.Equal(version + 1, await DataVersionAsync());

        // The same file again writes nothing and audits nothing.
        var again = await UploadAsync(csv);
        Assert.True(again.Succeeded);
        Assert.Equal(0, again.Written);
        Assert.Equal(audits + 4, await AuditRowsAsync());
    }

    [Fact]
    public async Task A_file_without_the_columns_or_rows_is_one_clear_problem()
    {
        var missing = await UploadAsync("area,period,value\nE05999901,2026-Q1,41\n");
        var empty = await UploadAsync("indicator,area,period,value\n");

        Assert.Contains("no indicator column", missing.Problem, StringComparison.Ordinal);
        Assert.Contains("no rows", empty.Problem, StringComparison.Ordinal);
        Assert.False(missing.Succeeded || empty.Succeeded);
    }
}
