using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace DistrictMap.UiTests;

/// <summary>
/// A partner keeps their actions current in the browser: signs in, posts a quarterly update in two clicks, is refused
/// another organisation's action with nothing changed, and sees both versions when someone else saved first.
/// </summary>
[Collection(PartnerSiteGroup.Name)]
public sealed class PartnerPagesTests(PartnerSite site)
{
    private static async Task AssertNoAxeViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes);
        var violations = result.Violations.Select(v => $"{page.Url}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}").ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task A_partner_signs_in_and_posts_an_actions_RAG_in_two_clicks_from_the_list()
    {
        var id = await site.ActionIdAsync("T1");
        await using var partner = await site.SignedInAsync(PartnerSite.PartnerAEmail);
        var page = partner.Page;

        // Only partner A's actions, those owing this quarter's update first (T4 is B's; T1 and T3 are A's).
        await Expect(page.Locator("table.my-actions tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("table.my-actions")).Not.ToContainTextAsync("Synthetic action two");
        var row = page.Locator($"tr[data-action='{id}']");
        await Expect(row).ToContainTextAsync("2025-Q3");
        await row.GetByText("Post update").ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Red" }).ClickAsync();

        await Expect(page.Locator("#message")).ToContainTextAsync("(red)");
        await Expect(row.Locator(".rag")).ToHaveTextAsync("red");
        await Expect(row).ToContainTextAsync("posted");
        var action = await site.JsonAsync($"/api/actions/{id}");
        Assert.Equal("red", action.GetProperty("rag").GetString());
        var latest = action.GetProperty("updates")[0];
        Assert.Equal(PartnerSite.PartnerAEmail, latest.GetProperty("author").GetString());
        Assert.Equal("red", latest.GetProperty("rag").GetString());
        await BrowserSite.SaveScreenshotAsync(page, "partner-my-actions.png");
        Assert.Empty(partner.Errors);
    }

    [Fact]
    public async Task Another_partners_action_is_refused_with_403_and_nothing_changes()
    {
        var theirs = await site.ActionIdAsync("T2");
        var mine = await site.ActionIdAsync("T3");
        var before = (await site.JsonAsync($"/api/actions/{theirs}")).GetRawText();
        await using var partner = await site.SignedInAsync(PartnerSite.PartnerAEmail);
        var page = partner.Page;

        var opened = await page.GotoAsync($"/partner/actions/{theirs}");
        Assert.Equal(403, opened!.Status);
        await Expect(page.Locator("#problem")).ToContainTextAsync("Synthetic Partner B");
        await Expect(page.Locator("form.action-form")).ToHaveCountAsync(0);

        // A form of their own, with its antiforgery token, sent at the other action: refused too.
        await page.GotoAsync($"/partner/actions/{mine}");
        await page.EvaluateAsync("id => document.querySelector('form.action-form').setAttribute('action', `/partner/actions/${id}`)", theirs);
        var posted = await page.RunAndWaitForResponseAsync(() => page.Locator("#save").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(403, posted.Status);
        // A quick update of it, without the form's antiforgery token: refused before anything reads it.
        var quick = await page.APIRequest.PostAsync($"/partner?handler=Update&id={theirs}", new() { Form = page.APIRequest.CreateFormData().Set("rag", "green") });
        Assert.Equal(400, quick.Status);

        Assert.Equal(before, (await site.JsonAsync($"/api/actions/{theirs}")).GetRawText());
    }

    [Fact]
    public async Task Two_browsers_edit_the_same_action_and_the_second_sees_both_versions_and_chooses()
    {
        var id = await site.ActionIdAsync("T3");
        await using var first = await site.SignedInAsync(PartnerSite.PartnerAEmail, $"/partner/actions/{id}");
        await using var second = await site.SignedInAsync(PartnerSite.AdminEmail, $"/partner/actions/{id}");

        await first.Page.GetByLabel("Title").FillAsync("Synthetic action three, as the first saved it");
        await first.Page.Locator("#save").ClickAsync();
        await Expect(first.Page.Locator("#message")).ToContainTextAsync("Saved");

        await second.Page.GetByLabel("Title").FillAsync("Synthetic action three, as the second wrote it");
        var refused = await second.Page.RunAndWaitForResponseAsync(() => second.Page.Locator("#save").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(409, refused.Status);
        var conflict = second.Page.Locator("#conflict");
        await Expect(conflict).ToContainTextAsync("as the second wrote it");
        await Expect(conflict).ToContainTextAsync("as the first saved it");
        await Expect(conflict.Locator("tr.differs")).ToHaveCountAsync(1);
        Assert.Equal("Synthetic action three, as the first saved it", (await site.JsonAsync($"/api/actions/{id}")).GetProperty("title").GetString());
        await AssertNoAxeViolationsAsync(second.Page);
        await BrowserSite.SaveScreenshotAsync(second.Page, "partner-edit-conflict.png");

        // The second keeps theirs, knowingly, over the version now current.
        await second.Page.GetByRole(AriaRole.Button, new() { Name = "Save my version over theirs" }).ClickAsync();
        await Expect(second.Page.Locator("#message")).ToContainTextAsync("Saved");
        Assert.Equal("Synthetic action three, as the second wrote it", (await site.JsonAsync($"/api/actions/{id}")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Every_sign_in_and_partner_page_passes_axe()
    {
        await using var anonymous = await site.OpenPageAsync("/account/sign-in");
        await AssertNoAxeViolationsAsync(anonymous.Page);
        await anonymous.Page.GetByLabel("Email address").FillAsync(PartnerSite.PartnerBEmail);
        await anonymous.Page.GetByLabel("Password").FillAsync("not-the-password-1");
        await anonymous.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(anonymous.Page.Locator("#sign-in-problem")).ToBeVisibleAsync();
        await AssertNoAxeViolationsAsync(anonymous.Page);
        await anonymous.Page.GotoAsync("/account/forgot-password");
        await AssertNoAxeViolationsAsync(anonymous.Page);
        await anonymous.Page.GotoAsync("/account/set-password?account=1&token=not-a-token");
        await AssertNoAxeViolationsAsync(anonymous.Page);

        await using var admin = await site.SignedInAsync(PartnerSite.AdminEmail);
        await Expect(admin.Page.Locator("table.my-actions tbody tr")).ToHaveCountAsync(4);
        await admin.Page.Locator("details.quick-update summary").First.ClickAsync();
        await AssertNoAxeViolationsAsync(admin.Page);
        await admin.Page.GotoAsync($"/partner/actions/{await site.ActionIdAsync("T4")}");
        await AssertNoAxeViolationsAsync(admin.Page);
        await admin.Page.GotoAsync("/account/invite");
        await admin.Page.GetByLabel("Email address").FillAsync("c@partner-c.example");
        await admin.Page.GetByLabel("Name").FillAsync("Synthetic Person C");
        await admin.Page.GetByLabel("Partner organisation").SelectOptionAsync(new SelectOptionValue { Label = "Synthetic Partner C" });
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(admin.Page.Locator("#invited")).ToContainTextAsync("c@partner-c.example");
        await AssertNoAxeViolationsAsync(admin.Page);
    }
}
