using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace DistrictMap.UiTests;

/// <summary>
/// Answers for the plan and places endpoints that other branches are building (docs/api-contracts.md),
/// served inside the browser so that the map's code paths for them run before those endpoints exist.
/// Every stubbed item is sample content, as the contract requires of anything invented.
/// </summary>
public static class ContractStubs
{
    private static readonly string[] StubbedCollections = ["routes", "green-spaces", "actions"];

    public const string FocusReason = "Contains an LSOA in the most deprived 20% nationally";

    private const string Routes = """
        {"type":"FeatureCollection","numberMatched":2,"numberReturned":2,"links":[],"features":[
          {"type":"Feature","id":"r1","geometry":{"type":"LineString","coordinates":[[0.02,51.02],[0.12,51.06]]},
           "properties":{"id":"r1","name":"Sample riverside walk","kind":"walking","length_m":5200,"sample":true}},
          {"type":"Feature","id":"r2","geometry":{"type":"LineString","coordinates":[[0.05,51.08],[0.28,51.03]]},
           "properties":{"id":"r2","name":"Sample cycle way","kind":"cycling","length_m":9100,"sample":true}}]}
        """;

    private const string NoFeatures = """{"type":"FeatureCollection","numberMatched":0,"numberReturned":0,"links":[],"features":[]}""";

    private const string ActionFeatures = """
        {"type":"FeatureCollection","numberMatched":1,"numberReturned":1,"links":[],"features":[
          {"type":"Feature","id":"a1","geometry":{"type":"Point","coordinates":[0.15,51.05]},
           "properties":{"id":"a1","title":"Sample lunch club","priority":"people","status":"in-progress","rag":"amber",
             "lead_partner":"Sample Trust","wards":"E05999902","district_wide":false,"sample":true}}]}
        """;

    private const string FocusWards = $$"""
        {"district":"E07999999","rule":{"maxDecile":3,"districtFifth":true},
         "wards":[{"code":"E05999902","name":"Synthetic Ward B","imdScore":20.0,"districtRank":1,"reasons":["{{FocusReason}}"]}]}
        """;

    private const string Nearby = """
        {"lon":0.15,"lat":51.05,"radius":1000,"district":"E07999999","ward":{"code":"E05999902","name":"Synthetic Ward B","focus":true},
         "lsoa":"E01999903","features":[
          {"kind":"green-spaces","id":"g1","name":"Sample meadow","distanceMetres":234.4,"sample":true,"properties":{}},
          {"kind":"routes","id":"r1","name":"Sample riverside walk","distanceMetres":1180.0,"sample":true,"properties":{}}]}
        """;

    private const string Action = """
        {"id":"a1","title":"Sample lunch club","description":"Sample","priority":"people","leadPartner":{"id":"p1","name":"Sample Trust"},
         "supportingPartners":[],"status":"in-progress","rag":"amber","start":"2025-04-01","due":"2026-03-31","districtWide":false,
         "wards":[{"code":"E05999902","name":"Synthetic Ward B"}],"tags":[],"indicators":[],"sample":true,
         "location":{"type":"Point","coordinates":[0.15,51.05]}}
        """;

    private const string Priorities = """{"priorities":[{"code":"people","title":"People","description":"","sample":true}]}""";

    private const string Partners = """{"partners":[{"id":"p1","name":"Sample Trust","sector":"voluntary","website":"","sample":true}]}""";

    private const string Indicators = """
        {"indicators":[{"code":"volunteering","title":"Adults volunteering","unit":"%","polarity":"higher-is-better","geography":"ward",
          "source":"Sample survey","licence":"OGL v3.0","sample":true}]}
        """;

    private const string IndicatorValues = """
        {"indicator":"volunteering","values":[
          {"area":"E05999901","areaName":"Synthetic Ward A","period":"2023","value":30.0,"target":25.0,"note":"","districtValue":25.5},
          {"area":"E05999901","areaName":"Synthetic Ward A","period":"2024","value":32.0,"target":25.0,"note":"","districtValue":25.5},
          {"area":"E05999902","areaName":"Synthetic Ward B","period":"2023","value":18.0,"target":25.0,"note":"","districtValue":24.0},
          {"area":"E05999902","areaName":"Synthetic Ward B","period":"2024","value":21.0,"target":25.0,"note":"","districtValue":25.5},
          {"area":"E05999903","areaName":"Synthetic Ward C","period":"2024","value":26.0,"target":25.0,"note":"","districtValue":25.5}]}
        """;

    private const string WardIndicators = """
        [{"code":"volunteering","title":"Adults volunteering","unit":"%","period":"2024","value":21.0,"districtValue":25.5,"target":25.0,"sample":true}]
        """;

    private const string WardPlaces = """
        {"routeLengthM":{"walking":5200,"cycling":9100,"shared":0},"greenSpaceAreaM2":120000,"greenSpaceM2Per1000":40000,
         "populationShareWithin400m":0.62,"populationShareWithin1km":0.97,"projects":0,"activities":1,"recyclingSites":2}
        """;

    /// <summary>Installs the stubs on a page; returns every request they answered, as path and query.</summary>
    public static async Task<List<string>> InstallAsync(IPage page)
    {
        var requests = new List<string>();
        async Task Answer(string glob, Func<IRoute, Task<string>> body) => await page.RouteAsync(glob, async route =>
        {
            lock (requests)
            {
                requests.Add(new Uri(route.Request.Url).PathAndQuery);
            }

            await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = await body(route) });
        });
        Task Fixed(string glob, string json) => Answer(glob, _ => Task.FromResult(json));

        // The real collections, with the places and plan collections added.
        await Answer("**/ogc/collections", async route =>
        {
            var real = JsonNode.Parse(await (await route.FetchAsync()).TextAsync())!;
            foreach (var id in StubbedCollections)
            {
                real["collections"]!.AsArray().Add(new JsonObject { ["id"] = id, ["title"] = id, ["attribution"] = "© OpenStreetMap contributors" });
            }

            return real.ToJsonString();
        });
        await Fixed("**/ogc/collections/routes/items*", Routes);
        await Fixed("**/ogc/collections/green-spaces/items*", NoFeatures);
        await Fixed("**/ogc/collections/actions/items*", ActionFeatures);
        await Fixed("**/api/focus-wards*", FocusWards);
        await Fixed("**/api/nearby*", Nearby);
        await Fixed("**/api/actions*", $$"""{"actions":[{{Action}}]}""");
        await Fixed("**/api/priorities", Priorities);
        await Fixed("**/api/partners", Partners);
        await Fixed("**/api/indicators", Indicators);
        await Fixed("**/api/indicators/volunteering/values*", IndicatorValues);

        // Ward B's real profile, with what the plan and places add to it.
        await Answer($"**/api/wards/{MapSite.WardB}", async route =>
        {
            var real = JsonNode.Parse(await (await route.FetchAsync()).TextAsync())!.AsObject();
            real["focus"] = new JsonObject { ["isFocus"] = true, ["reasons"] = new JsonArray(FocusReason) };
            real["actions"] = JsonNode.Parse($"[{Action}]");
            real["indicators"] = JsonNode.Parse(WardIndicators);
            real["places"] = JsonNode.Parse(WardPlaces);
            return real.ToJsonString();
        });
        return requests;
    }
}
