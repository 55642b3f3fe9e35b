using DistrictMap.Api.Access;
using DistrictMap.Tests.Accounts;
using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;
using DistrictMap.Tests.Plan;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DistrictMap.UiTests;

/// <summary>
/// The application over the synthetic district and plan, with a signed-up person for each of partners A and B and an
/// admin, for the sign-in and partner pages. Its own database, so that the plan's changes here touch no other test.
/// </summary>
public sealed class PartnerSite : BrowserSite
{
    public const string PartnerAEmail = "a@partner-a.example";
    public const string PartnerBEmail = "b@partner-b.example";
    public const string AdminEmail = "admin@partnership.example";

    private readonly string mailFolder = Path.Combine(Path.GetTempPath(), $"districtmap-ui-mail-{Guid.NewGuid():N}");

    public override Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?> { ["DistrictMap:Accounts:MailPickupFolder"] = mailFolder };
        return StartAsync(LoadAsync, settings, new Dictionary<string, string?>(settings));
    }

    private static async Task LoadAsync(TestDatabase db)
    {
        await SyntheticDistrict.LoadAllAsync(db);
        await PlanFixture.ImportPlanAsync(db, "plan-synthetic");
        var a = await db.ScalarAsync<int>("SELECT id FROM partners WHERE name = 'Synthetic Partner A'");
        var b = await db.ScalarAsync<int>("SELECT id FROM partners WHERE name = 'Synthetic Partner B'");
        await TestAccounts.CreateAsync(db, PartnerAEmail, "Synthetic Person A", Roles.Partner, a);
        await TestAccounts.CreateAsync(db, PartnerBEmail, "Synthetic Person B", Roles.Partner, b);
        await TestAccounts.CreateAsync(db, AdminEmail, "Synthetic Admin", Roles.Admin, null);
    }

    /// <summary>A page of the site in a fresh context (its own cookies), with requests away from the site refused.</summary>
    public async Task<MapPage> OpenPageAsync(string path)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, ViewportSize = new() { Width = 1280, Height = 800 } });
        await context.RouteAsync("**/*", route =>
            route.Request.Url.StartsWith(BaseUrl, StringComparison.Ordinal) ? route.ContinueAsync() : route.AbortAsync("internetdisconnected"));
        var page = new MapPage(context, await context.NewPageAsync(), BaseUrl);
        page.DocumentResponse = await page.Page.GotoAsync(path);
        return page;
    }

    /// <summary>Opens the partner pages, signing in on the way as a person with the test password.</summary>
    public async Task<MapPage> SignedInAsync(string email, string path = "/partner")
    {
        var page = await OpenPageAsync(path);
        await Expect(page.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
        await page.Page.GetByLabel("Email address").FillAsync(email);
        await page.Page.GetByLabel("Password").FillAsync(TestAccounts.Password);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(path) + "$"));
        return page;
    }

    public async Task<int> ActionIdAsync(string reference) =>
        (await JsonAsync("/api/actions")).GetProperty("actions").EnumerateArray()
            .Single(a => a.GetProperty("reference").GetString() == reference).GetProperty("id").GetInt32();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(mailFolder))
        {
            Directory.Delete(mailFolder, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PartnerSiteGroup : ICollectionFixture<PartnerSite>
{
    public const string Name = "partner site";
}
