using System.Text.Json;

namespace DistrictMap.Tests.Ogc;

/// <summary>
/// Requirements of OGC API - Features Part 1 (Core, GeoJSON, OAS 3.0) that the other tests leave out, each named after
/// its /req/... (see docs/ogc-conformance.md), through the real pipeline and database.
/// </summary>
[Collection(OgcTests.Name)]
public sealed class OgcCoreConformanceTests(OgcFixture api)
{
    [Fact]
    public async Task Root_success_links_are_typed_and_point_at_this_server()
    {
        var landing = await api.JsonAsync("/ogc");

        var links = landing.GetProperty("links").EnumerateArray().ToList();
        var desc = links.Single(l => l.GetProperty("rel").GetString() == "service-desc");
        Assert.StartsWith("application/vnd.oai.openapi+json", desc.GetProperty("type").GetString(), StringComparison.Ordinal);
        using var definition = await api.Client.GetAsync(new Uri(desc.GetProperty("href").GetString()!).PathAndQuery);
        Assert.True(definition.IsSuccessStatusCode);
        Assert.Contains("\"openapi\":", await definition.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.All(links, l => Assert.StartsWith("http://localhost/", l.GetProperty("href").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sfc_md_success_a_collection_is_the_one_the_collections_list()
    {
        var list = await api.JsonAsync("/ogc/collections");

        foreach (var listed in list.GetProperty("collections").EnumerateArray())
        {
            var id = listed.GetProperty("id").GetString();
            var one = await api.JsonAsync($"/ogc/collections/{id}");
            Assert.Equal(listed.GetProperty("title").GetString(), one.GetProperty("title").GetString());
            Assert.Equal(listed.GetProperty("extent").GetRawText(), one.GetProperty("extent").GetRawText());
            Assert.Equal("feature", one.GetProperty("itemType").GetString());
        }
    }

    [Fact]
    public async Task Fc_md_links_the_collections_document_links_itself_and_every_collection_links_items()
    {
        var list = await api.JsonAsync("/ogc/collections");

        Assert.Contains(list.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "self");
        Assert.All(list.GetProperty("collections").EnumerateArray(), c =>
        {
            var links = c.GetProperty("links").EnumerateArray().ToList();
            Assert.Contains(links, l => l.GetProperty("rel").GetString() == "items" && l.GetProperty("type").GetString() == "application/geo+json");
            Assert.Contains(links, l => l.GetProperty("rel").GetString() == "self");
        });
    }

    [Fact]
    public async Task Fc_md_extent_bboxes_are_CRS84_with_west_south_east_north()
    {
        var list = await api.JsonAsync("/ogc/collections");

        Assert.All(list.GetProperty("collections").EnumerateArray().Where(c => c.TryGetProperty("extent", out _)), c =>
        {
            var spatial = c.GetProperty("extent").GetProperty("spatial");
            Assert.Equal("http://www.opengis.net/def/crs/OGC/1.3/CRS84", spatial.GetProperty("crs").GetString());
            var box = spatial.GetProperty("bbox")[0].EnumerateArray().Select(v => v.GetDouble()).ToList();
            Assert.Equal(4, box.Count);
            Assert.True(box[0] <= box[2] && box[1] <= box[3]);
        });
    }

    [Fact]
    public async Task Fc_rel_type_next_and_self_links_are_GeoJSON_and_page_in_order()
    {
        var first = await api.JsonAsync("/ogc/collections/wards/items?limit=2");

        var next = first.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "next");
        Assert.Equal("application/geo+json", next.GetProperty("type").GetString());
        Assert.Contains("offset=2", next.GetProperty("href").GetString(), StringComparison.Ordinal);
        var second = await api.JsonAsync(new Uri(next.GetProperty("href").GetString()!).PathAndQuery);
        Assert.Equal(1, second.GetProperty("numberReturned").GetInt32());
        Assert.Contains(second.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "prev");
        Assert.DoesNotContain(second.GetProperty("links").EnumerateArray(), l => l.GetProperty("rel").GetString() == "next");
    }

    [Fact]
    public async Task Fc_numberMatched_is_the_count_across_pages_and_numberReturned_the_page_size()
    {
        var pages = await api.FollowNextAsync("/ogc/collections/actions/items?limit=3");

        var matched = pages[0].GetProperty("numberMatched").GetInt32();
        Assert.Equal(matched, pages.Sum(p => p.GetProperty("features").GetArrayLength()));
        Assert.All(pages, p => Assert.Equal(p.GetProperty("features").GetArrayLength(), p.GetProperty("numberReturned").GetInt32()));
    }

    [Fact]
    public async Task F_links_a_feature_links_itself_its_alternates_and_its_collection()
    {
        var feature = await api.JsonAsync("/ogc/collections/wards/items/E05999901");

        var rels = feature.GetProperty("links").EnumerateArray().Select(l => (Rel: l.GetProperty("rel").GetString(), Type: l.GetProperty("type").GetString())).ToList();
        Assert.Contains(("self", "application/geo+json"), rels);
        Assert.Contains(("alternate", "text/html"), rels);
        Assert.Contains(("collection", "application/json"), rels);
    }

    [Fact]
    public async Task Geojson_content_every_feature_has_type_geometry_and_properties()
    {
        foreach (var id in new[] { "districts", "wards", "lsoas", "routes", "green-spaces", "town-centre-projects", "recycling-sites", "activities", "actions" })
        {
            var page = await api.JsonAsync($"/ogc/collections/{id}/items?limit=5");
            Assert.Equal("FeatureCollection", page.GetProperty("type").GetString());
            Assert.All(page.GetProperty("features").EnumerateArray(), f =>
            {
                Assert.Equal("Feature", f.GetProperty("type").GetString());
                Assert.Equal(JsonValueKind.Object, f.GetProperty("properties").ValueKind);
                Assert.True(f.GetProperty("geometry").ValueKind is JsonValueKind.Object or JsonValueKind.Null);
                Assert.Equal(JsonValueKind.String, f.GetProperty("id").ValueKind);
            });
        }
    }

    [Fact]
    public async Task Oas30_items_parameters_are_defined_as_the_standard_fixes_them()
    {
        using var document = JsonDocument.Parse(await api.Client.GetStringAsync("/openapi/v1.json"));

        var parameters = document.RootElement.GetProperty("paths").GetProperty("/ogc/collections/{collectionId}/items").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        var bbox = parameters["bbox"];
        Assert.Equal("array", bbox.GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal(4, bbox.GetProperty("schema").GetProperty("minItems").GetInt32());
        Assert.Equal(6, bbox.GetProperty("schema").GetProperty("maxItems").GetInt32());
        Assert.Equal("number", bbox.GetProperty("schema").GetProperty("items").GetProperty("type").GetString());
        foreach (var name in new[] { "bbox", "datetime", "limit" })
        {
            // form is the default style of a query parameter, so the document may leave it out.
            Assert.Equal("form", parameters[name].TryGetProperty("style", out var style) ? style.GetString() : "form");
            Assert.False(parameters[name].GetProperty("explode").GetBoolean());
            Assert.False(parameters[name].TryGetProperty("required", out var required) && required.GetBoolean());
        }

        Assert.Equal(1, parameters["limit"].GetProperty("schema").GetProperty("minimum").GetInt32());
    }

    [Fact]
    public async Task Http_the_server_answers_HTTP_1_1_and_HEAD()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ogc/conformance") { Version = System.Net.HttpVersion.Version11 };
        using var response = await api.Client.SendAsync(request);

        Assert.Equal(System.Net.HttpVersion.Version11, response.Version);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }
}
