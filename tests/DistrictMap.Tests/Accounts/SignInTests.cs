using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DistrictMap.Tests.Accounts;

/// <summary>
/// Sign-in through the real pipeline over real PostGIS: a new session cookie at sign-in, forms refused without their
/// antiforgery token, lock-out after repeated failures, an audit row for every attempt, and API writes still by key only.
/// </summary>
public sealed partial class SignInTests : IAsyncLifetime
{
    private const string SessionCookie = "DistrictMap.Session";
    private readonly AccountFixture accounts = new();

    public Task InitializeAsync() => accounts.InitializeAsync();

    public async Task DisposeAsync()
    {
        await accounts.DisposeAsync();
        if (Directory.Exists(accounts.MailFolder))
        {
            Directory.Delete(accounts.MailFolder, recursive: true);
        }
    }

    private HttpClient Browser() => accounts.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Opens a form page and returns its antiforgery token.</summary>
    private static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync(path);
        return TokenPattern().Match(page).Groups[1].Value;
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, string? token = null)
    {
        token ??= await TokenAsync(client, "/account/sign-in");
        return await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    private async Task<List<(string Actor, string Operation, string EntityId)>> AuditAsync() =>
        await accounts.Db.ListAsync("SELECT actor, operation, entity_id FROM audit_log WHERE entity = 'account' AND operation <> 'invite' AND operation <> 'password-reset' ORDER BY id",
            r => (r.GetString(0), r.GetString(1), r.GetString(2)));

    private static string? SessionOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => SessionPattern().Match(c)).Where(m => m.Success).Select(m => m.Groups[1].Value).FirstOrDefault()
            : null;

    [Fact]
    public async Task Signing_in_issues_a_new_session_cookie_and_a_planted_one_opens_nothing()
    {
        using var client = Browser();
        var token = await TokenAsync(client, "/account/sign-in");
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = AccountFixture.PartnerAEmail,
                ["Password"] = TestAccounts.Password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        signIn.Headers.Add("Cookie", $"{SessionCookie}=planted-by-an-attacker");

        using var response = await client.SendAsync(signIn);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/partner", response.Headers.Location?.OriginalString);
        var session = SessionOf(response);
        Assert.False(string.IsNullOrEmpty(session));
        Assert.NotEqual("planted-by-an-attacker", session);
        using var mine = await client.GetAsync("/partner");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        using var other = Browser();
        using var planted = new HttpRequestMessage(HttpMethod.Get, "/partner");
        planted.Headers.Add("Cookie", $"{SessionCookie}=planted-by-an-attacker");
        using var refused = await other.SendAsync(planted);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/sign-in", refused.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal([(AccountFixture.PartnerAEmail, "sign-in", accounts.PartnerAAccount.ToString(System.Globalization.CultureInfo.InvariantCulture))], await AuditAsync());
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_changes_nothing()
    {
        using var client = Browser();
        using var noToken = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = AccountFixture.PartnerAEmail,
            ["Password"] = TestAccounts.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Null(SessionOf(noToken));

        // Signed in, a quarterly update posted without the token writes nothing.
        using var signedIn = await SignInAsync(client, AccountFixture.PartnerAEmail, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var id = await accounts.ActionIdAsync("T1");
        var updates = await accounts.Db.CountAsync("action_updates");
        using var post = await client.PostAsync($"/partner?handler=Update&id={id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["rag"] = "red" }));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(updates, await accounts.Db.CountAsync("action_updates"));
        Assert.Equal("green", await accounts.Db.ScalarAsync<string>("SELECT rag FROM actions WHERE id = $1", id));
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_against_the_right_password_and_each_attempt_is_audited()
    {
        using var client = Browser();
        for (var i = 0; i < AccountFixture.MaxFailures; i++)
        {
            using var wrong = await SignInAsync(client, AccountFixture.PartnerAEmail, "not-the-password-1");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Null(SessionOf(wrong));
        }

        using var right = await SignInAsync(client, AccountFixture.PartnerAEmail, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Null(SessionOf(right));
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var unknown = await SignInAsync(client, "nobody@nowhere.example", "whatever-password-1");
        Assert.Null(SessionOf(unknown));

        var id = accounts.PartnerAAccount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            [
                (AccountFixture.PartnerAEmail, "sign-in-failed", id),
                (AccountFixture.PartnerAEmail, "sign-in-failed", id),
                (AccountFixture.PartnerAEmail, "locked-out", id),
                (AccountFixture.PartnerAEmail, "locked-out", id),
                ("nobody@nowhere.example", "sign-in-failed", ""),
            ],
            await AuditAsync());
    }

    [Fact]
    public async Task A_session_cookie_does_not_authorise_API_writes_which_still_take_a_key()
    {
        using var client = Browser();
        using var signedIn = await SignInAsync(client, AccountFixture.PartnerAEmail, TestAccounts.Password);
        var id = await accounts.ActionIdAsync("T1");

        using var byCookie = await client.PostAsync($"/api/actions/{id}/updates", System.Net.Http.Json.JsonContent.Create(new { quarter = "2026-Q4", rag = "red" }));
        using var byKey = new HttpRequestMessage(HttpMethod.Post, $"/api/actions/{id}/updates") { Content = System.Net.Http.Json.JsonContent.Create(new { quarter = "2026-Q4", rag = "amber" }) };
        byKey.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accounts.PartnerAKey);
        using var keyed = await client.SendAsync(byKey);

        Assert.Equal(HttpStatusCode.Unauthorized, byCookie.StatusCode);
        Assert.Equal(HttpStatusCode.Created, keyed.StatusCode);
        Assert.Equal("amber", await accounts.Db.ScalarAsync<string>("SELECT rag FROM actions WHERE id = $1", id));
    }

    [Fact]
    public async Task A_reset_link_mailed_to_the_pickup_folder_sets_a_new_password_once()
    {
        using var client = Browser();
        var before = Directory.GetFiles(accounts.MailFolder, "*.eml").ToHashSet();
        var token = await TokenAsync(client, "/account/forgot-password");
        using var asked = await client.PostAsync("/account/forgot-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = AccountFixture.PartnerBEmail,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);

        var mail = Assert.Single(Directory.GetFiles(accounts.MailFolder, "*.eml"), f => !before.Contains(f));
        var text = await File.ReadAllTextAsync(mail);
        Assert.Contains($"To: {AccountFixture.PartnerBEmail}", text, StringComparison.Ordinal);
        // The body is quoted-printable: join its soft line breaks before reading the link.
        var decoded = QuotedPattern().Replace(SoftBreakPattern().Replace(text, ""), m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
        var link = LinkPattern().Match(decoded).Value;
        var path = new Uri(link).PathAndQuery;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var formToken = await TokenAsync(client, path);
            var (account, resetToken) = TestAccounts.ParseLink(link);
            using var set = await client.PostAsync("/account/set-password", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["account"] = account.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Token"] = resetToken,
                ["Password"] = "a-brand-new-pass-42",
                ["Confirm"] = "a-brand-new-pass-42",
                ["__RequestVerificationToken"] = formToken,
            }));
            var page = await set.Content.ReadAsStringAsync();
            Assert.Equal(attempt == 0, page.Contains("id=\"password-set\"", StringComparison.Ordinal));
        }

        using var signedIn = await SignInAsync(client, AccountFixture.PartnerBEmail, "a-brand-new-pass-42");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("DistrictMap\\.Session=([^;]*)")]
    private static partial Regex SessionPattern();

    [GeneratedRegex("=\r?\n")]
    private static partial Regex SoftBreakPattern();

    [GeneratedRegex("=([0-9A-F]{2})")]
    private static partial Regex QuotedPattern();

    [GeneratedRegex("http://[^\\s]+/account/set-password\\?account=\\d+&token=[^\\s]+")]
    private static partial Regex LinkPattern();
}
