using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DistrictMap.Api.Access;
using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;
using DistrictMap.Tests.Places;
using DistrictMap.Tests.Plan;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DistrictMap.Tests.Operations;

/// <summary>The synthetic district, plan and places, an admin key, and no rate limits (the corpus sends thousands of requests).</summary>
public sealed class HostileApiFixture : ApiFixture
{
    public string AdminKey { get; private set; } = "";

    protected override bool OverKestrel => true;

    protected override IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["DistrictMap:RateLimits:WritesPerMinute"] = "0",
        ["DistrictMap:RateLimits:ExpensiveReadsPerMinute"] = "0",
    };

    protected override async Task LoadAsync(TestDatabase db)
    {
        await SyntheticDistrict.LoadAllAsync(db);
        await SyntheticPlaces.LoadAllAsync(db);
        await PlanFixture.ImportPlanAsync(db, "plan-synthetic");
        await using var scope = db.Services.CreateAsyncScope();
        AdminKey = (await scope.ServiceProvider.GetRequiredService<ApiKeys>().IssueAsync("Hostile admin", Roles.Admin, null, CancellationToken.None)).Key;
    }
}

/// <summary>
/// The hostile-input corpus against every endpoint the OpenAPI document lists: each query and path parameter
/// takes every hostile value, each write takes every hostile body. Every answer is a success or a 4xx problem
/// details with a detail; never a 500; and a refused write changes nothing.
/// </summary>
public sealed class HostileApiTests(HostileApiFixture api, ITestOutputHelper output) : IClassFixture<HostileApiFixture>
{
    /// <summary>How many requests the HTTP server refused before they reached the application.</summary>
    private int RefusedByServer { get; set; }

    private static readonly string[] Values =
    [
        "'; DROP TABLE wards; --", "\" OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "..%2f..%2fetc%2fpasswd",
        "NaN", "Infinity", "-Infinity", "1e308", "-1e308", "-1", "0", "99999999999999999999", "", " ", new string('x', 20_000),
        "\0", "a\u0007b", "%ZZ", "\u00c3\u0028", "😀", "\u202e", "1,2", "181,91,182,92", "1,NaN,2,3", "0,0,0,0,0,0,0", "-name", "name,-name,unknown",
        "true", "null", "[]", "{}", "E05999901", "E07999999",
    ];

    /// <summary>Values for path parameters that reach the handler behind them.</summary>
    private static readonly Dictionary<string, string> PathDefaults = new(StringComparer.Ordinal)
    {
        ["collectionId"] = "wards",
        ["featureId"] = "E05999901",
        ["code"] = "E05999901",
        ["id"] = "1",
    };

    [Fact]
    public async Task Every_read_endpoint_answers_hostile_parameters_with_success_or_a_problem_never_a_500()
    {
        var operations = await OperationsAsync("get");
        var cases = 0;
        foreach (var (path, parameters) in operations)
        {
            var pathNames = parameters.Where(p => p.In == "path").Select(p => p.Name).ToList();
            var queryNames = parameters.Where(p => p.In == "query").Select(p => p.Name).ToList();
            foreach (var hostile in pathNames)
            {
                foreach (var value in Values)
                {
                    cases++;
                    await AssertAnswersAsync(HttpMethod.Get, Fill(path, pathNames, hostile, value), null);
                }
            }

            foreach (var query in queryNames)
            {
                foreach (var value in Values)
                {
                    cases++;
                    await AssertAnswersAsync(HttpMethod.Get, $"{Fill(path, pathNames, null, null)}?{query}={Uri.EscapeDataString(value)}", null);
                }
            }
        }

        foreach (var url in new[] { "/..%2f..%2fetc/passwd", "/lib/../../appsettings.json", "/%2e%2e/%2e%2e/etc/passwd", "/js/..%2f..%2f..%2fappsettings.json", "/api/wards/..%2f..%2fetc%2fpasswd" })
        {
            cases++;
            using var response = await api.Client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is >= 400 and < 500 || !body.Contains("ConnectionStrings", StringComparison.Ordinal), $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("root:x:0:0", body, StringComparison.Ordinal);
        }

        Assert.True(cases > 1000, $"only {cases} cases");
        output.WriteLine($"{operations.Count} read operations, {cases} hostile requests: none answered 5xx; {RefusedByServer} refused by Kestrel before reaching the application.");
    }

    [Fact]
    public async Task Every_write_refuses_hostile_bodies_with_a_problem_and_writes_nothing()
    {
        var before = await api.Db.DigestAsync();
        var operations = (await OperationsAsync("post")).Concat(await OperationsAsync("put")).ToList();
        Assert.Equal(6, operations.Count); // REST, and OGC API - Features Part 4: create and replace
        var cases = 0;
        foreach (var (path, parameters) in operations)
        {
            var url = Fill(path, parameters.Where(p => p.In == "path").Select(p => p.Name).ToList(), null, null);
            var method = path.EndsWith('}') ? HttpMethod.Put : HttpMethod.Post;
            var bodies = path.EndsWith("/values", StringComparison.Ordinal) ? CsvBodies() : JsonBodies();
            foreach (var (contentType, body) in bodies)
            {
                cases++;
                var status = await AssertAnswersAsync(method, url, (contentType, body));
                Assert.True(status >= 400, $"{method} {url} with a hostile body answered {status}");
            }
        }

        Assert.Equal(before, await api.Db.DigestAsync());
        output.WriteLine($"{operations.Count} write operations, {cases} hostile bodies: all refused with 4xx problem details; nothing written.");
    }

    private static IEnumerable<(string, byte[])> JsonBodies()
    {
        static byte[] Action(Action<JsonObject> change)
        {
            var action = new JsonObject { ["title"] = "Hostile", ["priority"] = "people", ["wards"] = new JsonArray("E05999901"), ["status"] = "in-progress" };
            change(action);
            return Encoding.UTF8.GetBytes(action.ToJsonString());
        }

        static JsonNode Point(string coordinates) => JsonNode.Parse($$"""{"type":"Point","coordinates":{{coordinates}}}""")!;
        var bigRing = string.Join(',', Enumerable.Range(0, 100_000).Select(i => $"[{0.05 + (i * 1e-7):0.0000000},{51.02 + (i % 2 * 1e-6):0.0000000}]"));
        var json = "application/json";
        yield return (json, "{"u8.ToArray());
        yield return (json, "[]"u8.ToArray());
        yield return (json, "null"u8.ToArray());
        yield return (json, ""u8.ToArray());
        yield return (json, [0xff, 0xfe, 0x00]);
        yield return (json, [.. "{\"title\":\""u8, 0xc3, 0x28, .. "\",\"priority\":\"people\"}"u8]);
        yield return (json, Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)));
        yield return (json, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)));
        yield return (json, Action(a => a["title"] = new string('x', 2_000_000)));
        yield return (json, Action(a => a["title"] = "a\0b"));
        yield return (json, Action(a => a["title"] = 12));
        yield return (json, Action(a => a["priority"] = "'; DROP TABLE actions; --"));
        yield return (json, Action(a => a["wards"] = new JsonArray("../../etc/passwd")));
        yield return (json, Action(a => a["wards"] = new JsonArray("E05999999")));
        yield return (json, Action(a => a["location"] = Point("[1e308,1e308]")));
        yield return (json, Action(a => a["location"] = Point("[200.5,95.5]")));
        yield return (json, Action(a => a["location"] = Point("\"Infinity\"")));
        yield return (json, Encoding.UTF8.GetBytes("""{"title":"Hostile","priority":"people","location":{"type":"Point","coordinates":[NaN,51]}}"""));
        yield return (json, Action(a => a["location"] = JsonNode.Parse("""{"type":"Polygon","coordinates":[[[0.05,51.02],[0.06,51.02],[0.06,51.03],[0.05,51.03]]]}""")));
        yield return (json, Action(a => a["location"] = JsonNode.Parse("""{"type":"Polygon","coordinates":[[[0.05,51.02],[0.06,51.03],[0.06,51.02],[0.05,51.03],[0.05,51.02]]]}""")));
        yield return (json, Action(a => a["location"] = JsonNode.Parse($$"""{"type":"LineString","coordinates":[{{bigRing}}]}""")));
        yield return (json, Action(a => a["location"] = JsonNode.Parse("""{"type":"Point","coordinates":[0.05,51.02],"crs":{"type":"name","properties":{"name":"EPSG:99999"}}}""")));
        yield return (json, Action(a => a["location"] = JsonNode.Parse("""{"type":"Circle","coordinates":[0.05,51.02]}""")));
        yield return (json, Action(a => a["start"] = "2026-13-45"));
        yield return (json, Action(a => a["due"] = "'; --"));
        yield return (json, Action(a => a["status"] = "\u202e"));
        yield return (json, Action(a => a["rag"] = "<script>"));
        yield return (json, Action(a => a["tags"] = new JsonArray(new string('t', 100_000))));
        yield return (json, Action(a => a["indicators"] = new JsonArray("<script>alert(1)</script>")));
        yield return ("text/plain", Action(_ => { }));
        yield return ("application/xml", "<action><title>x</title></action>"u8.ToArray());
    }

    private static IEnumerable<(string, byte[])> CsvBodies()
    {
        var csv = "text/csv";
        yield return (csv, ""u8.ToArray());
        yield return (csv, [0xff, 0xfe, 0x00]);
        yield return (csv, "area;period\n"u8.ToArray());
        yield return (csv, "area,period,value\n\"unterminated,2026,1\n"u8.ToArray());
        yield return (csv, "area,period,value\nE05999901,2026-Q4,NaN\n"u8.ToArray());
        yield return (csv, "area,period,value\nE05999901,2026-Q4,Infinity\n"u8.ToArray());
        yield return (csv, "area,period,value\nE05999901,2026-Q9,1\n"u8.ToArray());
        yield return (csv, "area,period,value\n'; DROP TABLE indicator_values; --,2026-Q4,1\n"u8.ToArray());
        yield return (csv, "area,period,value,note\nE05999901,2026-Q4,1,a\0b\n"u8.ToArray());
        yield return (csv, Encoding.UTF8.GetBytes("area,period,value\n" + string.Concat(Enumerable.Repeat("E05999901,2026-Q4,1\n", 300_000))));
        yield return ("application/json", "{\"values\":"u8.ToArray());
    }

    /// <summary>Sends the request; asserts a success, or a 4xx problem details with a detail; returns the status.</summary>
    private async Task<int> AssertAnswersAsync(HttpMethod method, string url, (string ContentType, byte[] Body)? content)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.AdminKey);
        if (method == HttpMethod.Put)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
        }

        if (content is { } c)
        {
            request.Content = new ByteArrayContent(c.Body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(c.ContentType);
        }

        using var response = await api.Client.SendAsync(request).WaitAsync(TimeSpan.FromSeconds(30));
        var status = (int)response.StatusCode;
        var shown = url.Length > 120 ? url[..120] + "…" : url;
        Assert.True(status < 500, $"{method} {shown} answered {status}: {await response.Content.ReadAsStringAsync()}");
        // Kestrel itself refuses a malformed request line (such as %00 in the path) or one beyond its limits (400, 414, 431)
        // before the application sees it, with an empty body.
        var refusedByServer = status is 400 or 414 or 431 && response.Content.Headers.ContentType is null && response.Content.Headers.ContentLength == 0;
        if (refusedByServer)
        {
            RefusedByServer++;
        }
        else if (status >= 400)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{method} {shown} answered {status} without problem details");
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() : null), $"{method} {shown} answered {status} without a detail");
        }

        return status;
    }

    private static string Fill(string path, List<string> names, string? hostile, string? value)
    {
        foreach (var name in names)
        {
            path = path.Replace($"{{{name}}}", name == hostile ? Uri.EscapeDataString(value!) : PathDefaults.GetValueOrDefault(name, "1"), StringComparison.Ordinal);
        }

        return path;
    }

    private async Task<List<(string Path, List<(string Name, string In)> Parameters)>> OperationsAsync(string method)
    {
        using var document = JsonDocument.Parse(await api.Client.GetStringAsync("/openapi/v1.json"));
        var operations = new List<(string, List<(string, string)>)>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (path.Value.TryGetProperty(method, out var operation))
            {
                var parameters = operation.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!)).ToList()
                    : [];
                operations.Add((path.Name, parameters));
            }
        }

        return operations;
    }
}
