using DistrictMap.Api.Access;
using DistrictMap.Tests.Infrastructure;
using DistrictMap.Tests.Plan;

namespace DistrictMap.Tests.Accounts;

/// <summary>The synthetic plan with an account for each of partners A and B and an admin, mail written to a folder of its own.</summary>
public sealed class AccountFixture : PlanFixture
{
    public const string PartnerAEmail = "a@partner-a.example";
    public const string PartnerBEmail = "b@partner-b.example";
    public const string AdminEmail = "admin@partnership.example";
    public const int MaxFailures = 3;

    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"districtmap-mail-{Guid.NewGuid():N}");

    public int PartnerAAccount { get; private set; }

    private Dictionary<string, string?> Common => new()
    {
        ["DistrictMap:Accounts:MailPickupFolder"] = MailFolder,
        ["DistrictMap:Accounts:MaxFailedSignIns"] = MaxFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override IDictionary<string, string?> Settings => Common;

    protected override IReadOnlyDictionary<string, string?> AppSettings => Common;

    protected override async Task LoadAsync(TestDatabase db)
    {
        await base.LoadAsync(db);
        var a = await db.ScalarAsync<int>("SELECT id FROM partners WHERE name = 'Synthetic Partner A'");
        var b = await db.ScalarAsync<int>("SELECT id FROM partners WHERE name = 'Synthetic Partner B'");
        PartnerAAccount = await TestAccounts.CreateAsync(db, PartnerAEmail, "Synthetic Person A", Roles.Partner, a);
        await TestAccounts.CreateAsync(db, PartnerBEmail, "Synthetic Person B", Roles.Partner, b);
        await TestAccounts.CreateAsync(db, AdminEmail, "Synthetic Admin", Roles.Admin, null);
    }
}
