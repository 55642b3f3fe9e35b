using System.Net;
using System.Text.Json;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Api;

/// <summary>OGC API - Features under /ogc, on the synthetic district.</summary>
public sealed class OgcFeaturesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_landing_page_links_the_API_definition_conformance_and_collections()
    {
        var landing = await api.JsonAsync("/ogc");

        var rels = landing.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("rel").GetString()).ToList();
        Assert.Contains("service-desc", rels);
        Assert.Contains("service-doc", rels);
        Assert.Contains("conformance", rels);
        Assert.Contains("data", rels);
        Assert.Contains("Open Government Licence", landing.GetProperty("attribution").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conformance_declares_core_geojson_html_and_oas30()
    {
        var conformance = await api.JsonAsync("/ogc/conformance");

        var classes = conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToList();
        foreach (var name in new[] { "core", "geojson", "html", "oas30" })
        {
            Assert.Contains($"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/{name}", classes);
        }
    }

    [Fact]
    public async Task Collections_have_extents_licence_links_and_items_links()
    {
        var collections = await api.JsonAsync("/ogc/collections");

        var wards = collections.GetProperty("collections").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "wards");
        var bbox = wards.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(v => v.GetDouble()).ToList();
        Assert.Equal([0.0, 51.0, 0.3, 51.1], bbox);
        var links = wards.GetProperty("links").EnumerateArray().ToList();
        Assert.Contains(links, l => l.GetProperty("rel").GetString() == "license" && l.GetProperty("href").GetString()!.Contains("open-government-licence", StringComparison.Ordinal));
        Assert.Contains(links, l => l.GetProperty("rel").GetString() == "items" && l.GetProperty("type").GetString() == "application/geo+json");
        Assert.Equal(
            ["districts", "wards", "lsoas", "routes", "green-spaces", "town-centre-projects", "recycling-sites", "activities", "actions"],
            collections.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Items_are_GeoJSON_with_paging_members_and_links()
    {
        using var response = await api.Client.GetAsync("/ogc/collections/lsoas/items?limit=2");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("FeatureCollection", page.GetProperty("type").GetString());
        Assert.Equal(6, page.GetProperty("numberMatched").GetInt32());
        Assert.Equal(2, page.GetProperty("numberReturned").GetInt32());
        Assert.True(DateTimeOffset.TryParse(page.GetProperty("timeStamp").GetString(), out _));
        var rels = page.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("rel").GetString()).ToList();
        Assert.Contains("self", rels);
        Assert.Contains("next", rels);
        Assert.DoesNotContain("prev", rels);
    }

    [Fact]
    public async Task Following_next_links_visits_every_feature_exactly_once()
    {
        var pages = await api.FollowNextAsync("/ogc/collections/lsoas/items?limit=4");

        var seen = pages.SelectMany(p => p.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString())).ToList();
        Assert.Equal(2, pages.Count);
        Assert.Equal(6, seen.Count);
        Assert.Equal(6, seen.Distinct().Count());
    }

    [Fact]
    public async Task Returned_GeoJSON_follows_RFC_7946()
    {
        var page = await api.JsonAsync("/ogc/collections/wards/items?limit=100");

        Assert.False(page.TryGetProperty("crs", out _));
        foreach (var feature in page.GetProperty("features").EnumerateArray())
        {
            Assert.False(feature.TryGetProperty("crs", out _));
            var geometry = feature.GetProperty("geometry");
            Assert.Equal("MultiPolygon", geometry.GetProperty("type").GetString());
            foreach (var polygon in geometry.GetProperty("coordinates").EnumerateArray())
            {
                var rings = polygon.EnumerateArray().ToList();
                // Longitude first: the synthetic wards lie at longitudes 0 to 0.3 and latitudes 51 to 51.1.
                Assert.All(rings[0].EnumerateArray(), p => Assert.InRange(p[0].GetDouble(), 0, 0.3));
                Assert.All(rings[0].EnumerateArray(), p => Assert.InRange(p[1].GetDouble(), 51, 51.1));
                Assert.True(SignedArea(rings[0]) > 0, "exterior rings must be counter-clockwise");
                Assert.All(rings.Skip(1), hole => Assert.True(SignedArea(hole) < 0, "holes must be clockwise"));
            }
        }
    }

    [Fact]
    public async Task Coordinates_have_at_most_six_decimals()
    {
        using var response = await api.Client.GetAsync("/ogc/collections/lsoas/items?limit=100");
        var text = await response.Content.ReadAsStringAsync();

        Assert.DoesNotMatch(@"\d\.\d{7,}", System.Text.RegularExpressions.Regex.Match(text, "\"coordinates\":.*").Value);
    }

    [Fact]
    public async Task A_bbox_keeps_only_the_features_it_intersects()
    {
        var page = await api.JsonAsync("/ogc/collections/wards/items?bbox=0.12,51.02,0.18,51.08");

        Assert.Equal(["E05999902"], page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.Equal(1, page.GetProperty("numberMatched").GetInt32());
    }

    [Fact]
    public async Task A_six_number_bbox_is_accepted_and_heights_ignored()
    {
        var page = await api.JsonAsync("/ogc/collections/wards/items?bbox=0.12,51.02,-100,0.18,51.08,100");

        Assert.Equal(1, page.GetProperty("numberMatched").GetInt32());
    }

    [Fact]
    public async Task Queryable_properties_filter_by_equality()
    {
        var page = await api.JsonAsync("/ogc/collections/lsoas/items?ward=E05999901");

        Assert.Equal(["E01999901", "E01999902"], page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        var decile = await api.JsonAsync("/ogc/collections/lsoas/items?imd_decile=4");
        Assert.Equal(2, decile.GetProperty("numberMatched").GetInt32());
    }

    [Fact]
    public async Task Properties_selects_and_sortby_orders()
    {
        var page = await api.JsonAsync("/ogc/collections/wards/items?properties=name,imd_score&sortby=-imd_score");

        var features = page.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(["E05999902", "E05999903", "E05999901"], features.Select(f => f.GetProperty("id").GetString()));
        Assert.Equal(["name", "imd_score"], features[0].GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(20.0, features[0].GetProperty("properties").GetProperty("imd_score").GetDouble());
    }

    [Fact]
    public async Task One_feature_by_its_id()
    {
        var feature = await api.JsonAsync("/ogc/collections/wards/items/E05999903");

        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        Assert.Equal("E05999903", feature.GetProperty("id").GetString());
        Assert.Equal(2, feature.GetProperty("properties").GetProperty("imd_rank_in_district").GetInt32());
        Assert.Contains(feature.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "collection");
    }

    [Fact]
    public async Task Simplify_reduces_vertices_and_keeps_valid_GeoJSON()
    {
        var full = await api.JsonAsync("/ogc/collections/districts/items/E07999999");
        var simplified = await api.JsonAsync("/ogc/collections/districts/items/E07999999?simplify=5000");

        Assert.True(Vertices(simplified.GetProperty("geometry")) <= Vertices(full.GetProperty("geometry")));
        Assert.Contains(simplified.GetProperty("geometry").GetProperty("type").GetString(), (string[])["Polygon", "MultiPolygon"]);
    }

    [Fact]
    public async Task Items_as_CSV_and_HTML()
    {
        using var csv = await api.Client.GetAsync("/ogc/collections/wards/items?f=csv&properties=name");
        using var html = await api.Client.GetAsync("/ogc/collections/wards/items?f=html");

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("id,name\r\nE05999901,Synthetic Ward A\r\nE05999902,Synthetic Ward B\r\nE05999903,Synthetic Ward C\r\n", await csv.Content.ReadAsStringAsync());
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<td>Synthetic Ward B</td>", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Accept_header_chooses_the_format()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ogc/collections/wards/items");
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await api.Client.SendAsync(request);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var detail = await api.ProblemAsync("/ogc/collections/wards/items", 406, accept: "application/xml");
        Assert.Contains("geojson, html, csv", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ogc/collections/wards/items?colour=red", "Unknown query parameter 'colour'")]
    [InlineData("/ogc/collections/wards/items?bbox=1,2,3", "bbox has 3 numbers")]
    [InlineData("/ogc/collections/wards/items?bbox=a,b,c,d", "is not a list of numbers")]
    [InlineData("/ogc/collections/wards/items?bbox=0,51,200,52", "longitudes must be between -180 and 180")]
    [InlineData("/ogc/collections/wards/items?bbox=0,95,1,96", "latitudes must be between -90 and 90")]
    [InlineData("/ogc/collections/wards/items?bbox=1,51,0,52", "minimums must not exceed maximums")]
    [InlineData("/ogc/collections/wards/items?limit=0", "limit '0' must be a whole number from 1 to 1000")]
    [InlineData("/ogc/collections/wards/items?limit=ten", "limit 'ten' must be a whole number")]
    [InlineData("/ogc/collections/wards/items?offset=-1", "offset '-1' must be a whole number")]
    [InlineData("/ogc/collections/wards/items?sortby=colour", "sortby: 'colour' is not a property of wards")]
    [InlineData("/ogc/collections/wards/items?properties=name,colour", "properties: 'colour' is not a property of wards")]
    [InlineData("/ogc/collections/wards/items?imd_worst_decile=low", "imd_worst_decile 'low' must be a whole number")]
    [InlineData("/ogc/collections/wards/items?simplify=-5", "simplify '-5' must be a tolerance in metres")]
    [InlineData("/ogc/collections/wards/items?f=xml", "f=xml is not offered here; use one of: geojson, html, csv")]
    [InlineData("/ogc/collections/wards/items?limit=1&limit=2", "given more than once")]
    public async Task Bad_requests_get_400_problem_details_that_say_what_is_allowed(string url, string detail)
    {
        Assert.Contains(detail, await api.ProblemAsync(url, 400), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ogc/collections/parks/items", "There is no collection 'parks'. Collections: districts, wards, lsoas, routes, green-spaces, town-centre-projects, recycling-sites, activities, actions.")]
    [InlineData("/ogc/collections/wards/items/E05000000", "There is no feature E05000000 in the collection wards.")]
    public async Task Unknown_collections_and_features_get_404_problem_details(string url, string detail)
    {
        Assert.Equal(detail, await api.ProblemAsync(url, 404));
    }

    [Fact]
    public async Task F_json_on_features_means_GeoJSON()
    {
        using var response = await api.Client.GetAsync("/ogc/collections/wards/items?f=json");

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Injection_strings_in_filters_are_values_not_SQL()
    {
        var page = await api.JsonAsync("/ogc/collections/wards/items?name=%27%3B%20DROP%20TABLE%20wards%3B--");

        Assert.Equal(0, page.GetProperty("numberMatched").GetInt32());
        Assert.Equal(3, (await api.JsonAsync("/ogc/collections/wards/items")).GetProperty("numberMatched").GetInt32());
    }

    [Fact]
    public async Task A_limit_above_the_maximum_is_served_as_the_maximum()
    {
        var page = await api.JsonAsync("/ogc/collections/lsoas/items?limit=100000");

        Assert.Equal(6, page.GetProperty("numberReturned").GetInt32());
    }

    [Fact]
    public async Task Queryables_describe_the_filterable_properties()
    {
        var queryables = await api.JsonAsync("/ogc/collections/lsoas/queryables");

        Assert.Equal(["code", "name", "district", "ward", "imd_decile"], queryables.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal("integer", queryables.GetProperty("properties").GetProperty("imd_decile").GetProperty("type").GetString());
    }

    [Fact]
    public async Task HEAD_answers_like_GET_without_a_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, "/ogc/collections/wards/items");
        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    private static double SignedArea(JsonElement ring)
    {
        var points = ring.EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
        var sum = 0.0;
        for (var i = 0; i < points.Count - 1; i++)
        {
            sum += (points[i].X * points[i + 1].Y) - (points[i + 1].X * points[i].Y);
        }

        return sum / 2;
    }

    private static int Vertices(JsonElement geometry) => geometry.GetRawText().Count(c => c == '[');
}
