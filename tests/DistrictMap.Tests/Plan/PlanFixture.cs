using DistrictMap.Api.Access;
using DistrictMap.Api.Plan;
using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictMap.Tests.Plan;

/// <summary>The synthetic district with the synthetic plan, the application over it, and three API keys.</summary>
public class PlanFixture : ApiFixture
{
    public string AdminKey { get; private set; } = "";

    /// <summary>A key of Synthetic Partner A.</summary>
    public string PartnerAKey { get; private set; } = "";

    /// <summary>A key of Synthetic Partner B.</summary>
    public string PartnerBKey { get; private set; } = "";

    protected override async Task LoadAsync(TestDatabase db)
    {
        await SyntheticDistrict.LoadAllAsync(db);
        await ImportPlanAsync(db, "plan-synthetic");
        await using var scope = db.Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeys>();
        var context = scope.ServiceProvider.GetRequiredService<DistrictMap.Api.Infrastructure.Database.DistrictMapDbContext>();
        var partners = await context.Partners.ToDictionaryAsync(p => p.Name, p => p.Id);
        AdminKey = (await keys.IssueAsync("Test Admin", Roles.Admin, null, CancellationToken.None)).Key;
        PartnerAKey = (await keys.IssueAsync("Tester A", Roles.Partner, partners["Synthetic Partner A"], CancellationToken.None)).Key;
        PartnerBKey = (await keys.IssueAsync("Tester B", Roles.Partner, partners["Synthetic Partner B"], CancellationToken.None)).Key;
    }

    public static async Task<PlanImportSummary> ImportPlanAsync(TestDatabase db, string folder, bool replace = false)
    {
        await using var scope = db.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlanCsv>()
            .ImportAsync(Fixtures.File(folder), SyntheticDistrict.Code, sample: false, replace, CancellationToken.None);
    }

    /// <summary>The sample plan the run command loads for Sevenoaks District.</summary>
    public static async Task<PlanImportSummary> ImportSamplePlanAsync(TestDatabase db)
    {
        await using var scope = db.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlanCsv>()
            .ImportAsync(Path.Combine(Fixtures.RepositoryRoot, "data/geo/sample/plan/E07000111"), "E07000111", sample: true, replace: false, CancellationToken.None);
    }

    public async Task<int> ActionIdAsync(string reference) =>
        await Db.ScalarAsync<int>("SELECT id FROM actions WHERE reference = $1", reference);
}
