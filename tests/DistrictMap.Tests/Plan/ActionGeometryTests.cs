using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace DistrictMap.Tests.Plan;

/// <summary>An action's geometry reads the same, in RFC 7946 ring order, from REST and from OGC.</summary>
public sealed class ActionGeometryTests : IAsyncLifetime
{
    private readonly PlanFixture plan = new();

    public Task InitializeAsync() => plan.InitializeAsync();

    public Task DisposeAsync() => plan.DisposeAsync();

    /// <summary>Twice the signed area of a ring: positive when it runs counter-clockwise.</summary>
    private static double SignedArea(JsonElement ring)
    {
        var points = ring.EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
        return points.Zip(points.Skip(1)).Sum(pair => (pair.First.X * pair.Second.Y) - (pair.Second.X * pair.First.Y));
    }

    private static double ExteriorArea(JsonElement geometry)
    {
        Assert.Equal("Polygon", geometry.GetProperty("type").GetString());
        return SignedArea(geometry.GetProperty("coordinates")[0]);
    }

    [Fact]
    public async Task An_action_saved_with_a_clockwise_polygon_is_read_counter_clockwise_everywhere()
    {
        // North, east, south, west: a clockwise ring in synthetic ward A.
        double[][] clockwise = [[0.10, 51.02], [0.10, 51.04], [0.12, 51.04], [0.12, 51.02], [0.10, 51.02]];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/actions")
        {
            Content = JsonContent.Create(new { title = "Clockwise", priority = "people", wards = new[] { "E05999901" }, location = new { type = "Polygon", coordinates = new[] { clockwise } } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", plan.PartnerAKey);
        using var created = await plan.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();

        var one = await plan.JsonAsync($"/api/actions/{id}");
        var list = await plan.JsonAsync("/api/actions?f=geojson");
        var ogc = await plan.JsonAsync($"/ogc/collections/actions/items/{id}");

        Assert.True(ExteriorArea(one.GetProperty("location")) > 0, "/api/actions/{id}: the exterior ring must be counter-clockwise");
        var feature = list.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetString() == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(ExteriorArea(feature.GetProperty("geometry")) > 0, "/api/actions?f=geojson: the exterior ring must be counter-clockwise");
        Assert.True(ExteriorArea(ogc.GetProperty("geometry")) > 0, "OGC: the exterior ring must be counter-clockwise");
    }
}
