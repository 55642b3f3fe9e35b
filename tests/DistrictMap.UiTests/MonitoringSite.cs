using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DistrictMap.Api.Access;
using DistrictMap.Api.Plan;
using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictMap.UiTests;

/// <summary>
/// The officer's pages over a database of their own: the synthetic district with the synthetic plan loaded as
/// sample content, and, through the real API with an admin key, this quarter's writes that monitoring shows:
/// action one reported red, action three moved from planned to in progress (an audited change with a before
/// and an after). Separate from <see cref="MapSite"/>, whose tests rely on the plan as imported.
/// </summary>
public sealed class MonitoringSite : BrowserSite
{
    public const string District = SyntheticDistrict.Code;

    public string AdminKey { get; private set; } = "";

    /// <summary>The quarter today falls in: the one the writes are for.</summary>
    public string Quarter { get; } = PlanVocabulary.QuarterOf(DateOnly.FromDateTime(DateTime.UtcNow));

    public override async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(MapSite.AppSettings)
        {
            ["DistrictMap:ReportPdf:BrowserPath"] = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
        };
        await StartAsync(LoadAsync, settings);
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        var one = await ActionAsync("T1");
        using (var update = await Http.PostAsJsonAsync($"/api/actions/{one["id"]}/updates", new { quarter = Quarter, rag = "red", commentary = "Synthetic: the venue fell through." }))
        {
            update.EnsureSuccessStatusCode();
        }

        var three = await ActionAsync("T3");
        using var get = await Http.GetAsync($"/api/actions/{three["id"]}");
        var input = new JsonObject
        {
            ["title"] = three["title"]!.GetValue<string>(),
            ["description"] = three["description"]!.GetValue<string>(),
            ["priority"] = three["priority"]!.GetValue<string>(),
            ["leadPartnerId"] = three["leadPartner"]!["id"]!.GetValue<int>(),
            ["supportingPartnerIds"] = new JsonArray([.. three["supportingPartners"]!.AsArray().Select(p => (JsonNode)p!["id"]!.GetValue<int>())]),
            ["status"] = "in-progress",
            ["start"] = three["start"]?.GetValue<string>(),
            ["due"] = three["due"]?.GetValue<string>(),
            ["districtWide"] = true,
            ["district"] = District,
            ["tags"] = new JsonArray([.. three["tags"]!.AsArray().Select(t => (JsonNode)t!.GetValue<string>())]),
            ["indicators"] = new JsonArray([.. three["indicators"]!.AsArray().Select(t => (JsonNode)t!.GetValue<string>())]),
            ["reference"] = "T3",
        };
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/actions/{three["id"]}") { Content = JsonContent.Create(input) };
        put.Headers.IfMatch.Add(get.Headers.ETag!);
        using var replaced = await Http.SendAsync(put);
        Assert.True(replaced.IsSuccessStatusCode, await replaced.Content.ReadAsStringAsync());
        Http.DefaultRequestHeaders.Authorization = null;
    }

    /// <summary>An action of the synthetic plan by its reference.</summary>
    public async Task<JsonNode> ActionAsync(string reference)
    {
        var list = JsonNode.Parse(await Http.GetStringAsync($"/api/actions?district={District}"))!["actions"]!.AsArray();
        return list.Single(a => a!["reference"]!.GetValue<string>() == reference)!;
    }

    private async Task LoadAsync(TestDatabase db)
    {
        await SyntheticDistrict.LoadAllAsync(db);
        await using var scope = db.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PlanCsv>()
            .ImportAsync(Fixtures.File("plan-synthetic"), District, sample: true, replace: false, CancellationToken.None);
        AdminKey = (await scope.ServiceProvider.GetRequiredService<ApiKeys>().IssueAsync("Monitoring test admin", Roles.Admin, null, CancellationToken.None)).Key;
    }
}

[CollectionDefinition(Name)]
public sealed class MonitoringSiteGroup : ICollectionFixture<MonitoringSite>
{
    public const string Name = "monitoring site";
}
