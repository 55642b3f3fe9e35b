using System.Text.Json;
using DistrictMap.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace DistrictMap.Tests.Map;

/// <summary>The map's settings document: the district it opens on and its basemap, from configuration.</summary>
public sealed class MapSettingsTests(EmptyApiFixture api) : IClassFixture<EmptyApiFixture>
{
    [Fact]
    public async Task By_default_the_basemap_is_OpenStreetMaps_tiles_with_their_credit_and_no_district_is_chosen()
    {
        var settings = await api.JsonAsync("/map/settings");
        using var page = await api.Client.GetAsync("/");

        Assert.Equal(JsonValueKind.Null, settings.GetProperty("district").ValueKind);
        var basemap = settings.GetProperty("basemap");
        Assert.Equal("https://tile.openstreetmap.org/{z}/{x}/{y}.png", basemap.GetProperty("urlTemplate").GetString());
        Assert.Contains("OpenStreetMap contributors", basemap.GetProperty("attribution").GetString(), StringComparison.Ordinal);
        Assert.Equal(19, basemap.GetProperty("maxZoom").GetInt32());
        Assert.Contains("img-src 'self' data: blob: https://tile.openstreetmap.org;", Csp(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_page_the_settings_and_the_api_description_carry_the_same_data_statements()
    {
        var settings = await api.JsonAsync("/map/settings");
        var page = await api.Client.GetStringAsync(new Uri("/", UriKind.Relative));
        var openApi = await api.JsonAsync("/openapi/v1.json");

        var statements = settings.GetProperty("attributions").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Equal(2, statements.Count);
        Assert.Contains(statements, s => s.Contains("Open Government Licence", StringComparison.Ordinal) && s.Contains("OS data", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Contains("Indices of Deprivation", StringComparison.Ordinal));
        var description = openApi.GetProperty("info").GetProperty("description").GetString()!;
        Assert.All(statements, s => Assert.Contains(s, description, StringComparison.Ordinal));
        Assert.All(statements, s => Assert.Contains(s, page, StringComparison.Ordinal));
        Assert.Contains("© OpenStreetMap contributors", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<!-- attribution -->", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_basemap_and_district_reach_the_page_and_its_content_security_policy()
    {
        await using var factory = new ApiFactory(api.Db.ConnectionString, new Dictionary<string, string?>
        {
            ["DistrictMap:Map:District"] = "e07000115",
            ["DistrictMap:Map:Basemap:UrlTemplate"] = "https://{s}.tiles.example.org/styles/light/{z}/{x}/{y}.png?key=abc",
            ["DistrictMap:Map:Basemap:Attribution"] = "© Example tiles",
            ["DistrictMap:Map:Basemap:AttributionUrl"] = "",
            ["DistrictMap:Map:Basemap:MaxZoom"] = "16",
        });
        using var client = factory.CreateClient();

        using var settings = JsonDocument.Parse(await client.GetStringAsync("/map/settings"));
        using var page = await client.GetAsync("/");

        Assert.Equal("E07000115", settings.RootElement.GetProperty("district").GetString());
        var basemap = settings.RootElement.GetProperty("basemap");
        Assert.Equal("https://{s}.tiles.example.org/styles/light/{z}/{x}/{y}.png?key=abc", basemap.GetProperty("urlTemplate").GetString());
        Assert.Equal("© Example tiles", basemap.GetProperty("attribution").GetString());
        Assert.Equal(16, basemap.GetProperty("maxZoom").GetInt32());
        Assert.Contains("img-src 'self' data: blob: https://*.tiles.example.org;", Csp(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_map_district_the_map_opens_on_the_commands_default_district()
    {
        await using var factory = new ApiFactory(api.Db.ConnectionString, new Dictionary<string, string?> { ["DistrictMap:Data:District"] = "E07000111" });
        using var client = factory.CreateClient();

        using var settings = JsonDocument.Parse(await client.GetStringAsync("/map/settings"));

        Assert.Equal("E07000111", settings.RootElement.GetProperty("district").GetString());
    }

    [Fact]
    public async Task An_empty_url_template_means_no_basemap()
    {
        await using var factory = new ApiFactory(api.Db.ConnectionString, new Dictionary<string, string?> { ["DistrictMap:Map:Basemap:UrlTemplate"] = "" });
        using var client = factory.CreateClient();

        using var settings = JsonDocument.Parse(await client.GetStringAsync("/map/settings"));

        Assert.Equal(JsonValueKind.Null, settings.RootElement.GetProperty("basemap").ValueKind);
    }

    [Theory]
    [InlineData("DistrictMap:Map:Basemap:UrlTemplate", "tiles.example.org/{z}/{x}/{y}.png", "UrlTemplate is 'tiles.example.org/{z}/{x}/{y}.png'")]
    [InlineData("DistrictMap:Map:Basemap:MaxZoom", "30", "MaxZoom is 30")]
    [InlineData("DistrictMap:Map:District", "Sevenoaks", "District is 'Sevenoaks', which is not a GSS code")]
    public async Task A_wrong_map_setting_stops_the_start_with_what_is_wrong(string key, string value, string message)
    {
        await using var factory = new ApiFactory(api.Db.ConnectionString, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task The_ward_deprivation_method_is_a_page_of_HTML_for_a_browser()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/methods/ward-deprivation");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        using var browser = await api.Client.SendAsync(request);
        using var explicitly = await api.Client.GetAsync("/api/methods/ward-deprivation?f=html");
        var html = await browser.Content.ReadAsStringAsync();

        Assert.Equal("text/html", browser.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/html", explicitly.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Ward deprivation: how DistrictMap derives it</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Ward-level deprivation is not an official", html, StringComparison.Ordinal);
        Assert.DoesNotContain("## ", html, StringComparison.Ordinal);
        Assert.Contains("f=pdf is not offered here; use one of: markdown, html.", await api.ProblemAsync("/api/methods/ward-deprivation?f=pdf", 400), StringComparison.Ordinal);
    }

    private static string Csp(HttpResponseMessage response) => string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
}
