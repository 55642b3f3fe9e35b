using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DistrictMap.Api.Import;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DistrictMap.Tests.Infrastructure;

/// <summary>
/// A local HTTP server standing in for the publishers: ArcGIS feature service queries over the synthetic
/// fixtures (where clause on a code field, paging with resultOffset/resultRecordCount, GeoJSON or JSON),
/// plain files, and an Overpass API interpreter (POST <c>data=</c>) answering with a fixture. It records the queries it was asked.
/// </summary>
public sealed partial class FakePublisher : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakePublisher(WebApplication app) => this.app = app;

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Layers answering 500, to simulate a failing service.</summary>
    public ConcurrentBag<string> Broken { get; } = [];

    public string BaseUrl => app.Urls.First();

    /// <summary>The fixture the Overpass interpreter answers with.</summary>
    public string OverpassAnswer { get; set; } = "overpass-synthetic.json";

    /// <summary>The Overpass QL queries posted to the interpreter.</summary>
    public ConcurrentQueue<string> OverpassQueries { get; } = new();

    public static async Task<FakePublisher> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var publisher = new FakePublisher(app);
        app.MapGet("/arcgis/{layer}/FeatureServer/0/query", (string layer, HttpRequest request) => publisher.Query(layer, request));
        app.MapGet("/files/{name}", (string name) => publisher.Broken.Contains(name)
            ? Results.StatusCode(500)
            : Results.File(Fixtures.File(name), name.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "text/csv"));
        app.MapPost("/overpass/interpreter", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            publisher.OverpassQueries.Enqueue(form["data"].ToString());
            return publisher.Broken.Contains("overpass") ? Results.StatusCode(504) : Results.File(Fixtures.File(publisher.OverpassAnswer), "application/json");
        });
        await app.StartAsync();
        return publisher;
    }

    private IResult Query(string layer, HttpRequest request)
    {
        Requests.Enqueue($"{layer}{request.QueryString}");
        if (Broken.Contains(layer))
        {
            return Results.StatusCode(500);
        }

        var features = layer switch
        {
            "lad" => Features("synthetic-district.geojson"),
            "wards" => Features("synthetic-wards-no-district.geojson"),
            "lsoas" => Features("synthetic-lsoas.geojson"),
            "lookup" => CsvRows("synthetic-lookup.csv"),
            "postcodes" => CsvRows("onspd-synthetic.csv"),
            _ => Features($"{layer}.geojson"),
        };
        if (WhereEquals().Match(request.Query["where"].ToString()) is { Success: true } where)
        {
            features = [.. features.Where(f => (f!["properties"] ?? f["attributes"])![where.Groups[1].Value]?.GetValue<string>() == where.Groups[2].Value)];
        }

        var offset = int.Parse(request.Query["resultOffset"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var count = int.Parse(request.Query["resultRecordCount"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var page = new JsonArray([.. features.Skip(offset).Take(count).Select(f => f!.DeepClone())]);
        var more = offset + count < features.Count;
        var body = request.Query["f"] == "geojson"
            ? new JsonObject { ["type"] = "FeatureCollection", ["features"] = page, ["properties"] = new JsonObject { ["exceededTransferLimit"] = more } }
            : new JsonObject { ["features"] = page, ["exceededTransferLimit"] = more };
        return Results.Text(body.ToJsonString(), "application/json");
    }

    private static List<JsonNode?> Features(string fixture) =>
        [.. JsonNode.Parse(File.ReadAllText(Fixtures.File(fixture)))!["features"]!.AsArray()];

    private static List<JsonNode?> CsvRows(string fixture)
    {
        using var csv = CsvSource.Open(Fixtures.File(fixture));
        var rows = new List<JsonNode?>();
        while (csv.Read())
        {
            var attributes = new JsonObject();
            for (var i = 0; i < csv.Headers.Count; i++)
            {
                attributes[csv.Headers[i]] = csv.Get(i);
            }

            rows.Add(new JsonObject { ["attributes"] = attributes });
        }

        return rows;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [GeneratedRegex(@"^(\w+) = '([^']*)'$")]
    private static partial Regex WhereEquals();
}
