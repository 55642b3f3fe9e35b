using System.Text.Json;

namespace DistrictMap.Tests.Ogc;

/// <summary>OGC API - Features - Part 5: the schema of a collection's features, from its declaration.</summary>
[Collection(OgcTests.Name)]
public sealed class OgcSchemaTests(OgcFixture api)
{
    [Fact]
    public async Task The_schema_is_JSON_Schema_2020_12_with_every_property_and_its_role()
    {
        using var response = await api.Client.GetAsync("/ogc/collections/actions/schema");
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var schema = document.RootElement;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
        Assert.EndsWith("/ogc/collections/actions/schema", schema.GetProperty("$id").GetString(), StringComparison.Ordinal);
        Assert.Equal("object", schema.GetProperty("type").GetString());
        var properties = schema.GetProperty("properties");
        Assert.Equal("id", properties.GetProperty("id").GetProperty("x-ogc-role").GetString());
        Assert.Equal("primary-geometry", properties.GetProperty("geometry").GetProperty("x-ogc-role").GetString());
        Assert.Equal("primary-interval-start", properties.GetProperty("start").GetProperty("x-ogc-role").GetString());
        Assert.Equal("primary-interval-end", properties.GetProperty("due").GetProperty("x-ogc-role").GetString());
        Assert.Equal("date", properties.GetProperty("due").GetProperty("format").GetString());
        Assert.Equal("boolean", properties.GetProperty("sample").GetProperty("type").GetString());
        Assert.Equal("string", properties.GetProperty("title").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Every_feature_of_every_collection_has_the_properties_and_types_its_schema_says()
    {
        var collections = await api.JsonAsync("/ogc/collections");
        foreach (var collection in collections.GetProperty("collections").EnumerateArray())
        {
            var id = collection.GetProperty("id").GetString();
            var link = collection.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "http://www.opengis.net/def/rel/ogc/1.0/schema");
            Assert.Equal("application/schema+json", link.GetProperty("type").GetString());
            var schema = await api.JsonAsync(new Uri(link.GetProperty("href").GetString()!).PathAndQuery);
            var declared = schema.GetProperty("properties").EnumerateObject().Where(p => p.Name != "geometry").ToDictionary(p => p.Name, p => p.Value.GetProperty("type").GetString());
            var page = await api.JsonAsync($"/ogc/collections/{id}/items?limit=20");
            foreach (var feature in page.GetProperty("features").EnumerateArray())
            {
                var properties = feature.GetProperty("properties").EnumerateObject().ToList();
                // id is the feature's own id; it is among the properties only where the collection declares it so.
                Assert.Equal(declared.Keys.Where(k => k != "id" || properties.Any(p => p.Name == "id")).Order(StringComparer.Ordinal), properties.Select(p => p.Name).Order(StringComparer.Ordinal));
                Assert.All(properties.Where(p => p.Value.ValueKind != JsonValueKind.Null), p =>
                    Assert.True(declared[p.Name] == Kind(p.Value) || (declared[p.Name] == "number" && Kind(p.Value) == "integer"), $"{id}.{p.Name}: {declared[p.Name]} but {p.Value}"));
            }
        }
    }

    [Fact]
    public async Task Queryables_include_the_temporal_properties_and_conformance_declares_schemas()
    {
        var queryables = await api.JsonAsync("/ogc/collections/actions/queryables");
        var conformance = await api.JsonAsync("/ogc/conformance");

        Assert.Equal("primary-interval-start", queryables.GetProperty("properties").GetProperty("start").GetProperty("x-ogc-role").GetString());
        Assert.Contains("http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/schemas", conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("There is no collection 'parks'", await api.ProblemAsync("/ogc/collections/parks/schema", 404), StringComparison.Ordinal);
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => value.TryGetInt64(out _) && !value.GetRawText().Contains('.', StringComparison.Ordinal) ? "integer" : "number",
        _ => value.ValueKind.ToString(),
    };
}
