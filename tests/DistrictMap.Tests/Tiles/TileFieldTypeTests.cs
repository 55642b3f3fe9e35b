using System.Net;
using System.Text.Json;
using DistrictMap.Tests.Places;

namespace DistrictMap.Tests.Tiles;

/// <summary>Every tile property has the type its TileJSON field declares, so that map styles can compare numbers with numbers.</summary>
public sealed class TileFieldTypeTests(PlacesApiFixture api) : IClassFixture<PlacesApiFixture>
{
    [Fact]
    public async Task Every_property_of_every_collections_tile_has_the_type_its_TileJSON_field_declares()
    {
        var collections = (await api.JsonAsync("/ogc/collections")).GetProperty("collections").EnumerateArray()
            .Select(c => c.GetProperty("id").GetString()!).ToList();
        var tile = TileTests.TileOf(0.15, 51.05, 8);
        var checkedNumbers = 0;
        var withFeatures = 0;

        foreach (var id in collections)
        {
            var tileJson = await api.JsonAsync($"/tiles/{id}");
            var fields = Assert.Single(tileJson.GetProperty("vector_layers").EnumerateArray()).GetProperty("fields")
                .EnumerateObject().ToDictionary(f => f.Name, f => f.Value.GetString()!, StringComparer.Ordinal);
            using var response = await api.Client.GetAsync(new Uri($"/tiles/{id}/{tile.Z}/{tile.X}/{tile.Y}.mvt", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var layer = Assert.Single(VectorTile.Read(await response.Content.ReadAsByteArrayAsync()).Layers);
            withFeatures += layer.Features.Count > 0 ? 1 : 0;
            foreach (var feature in layer.Features)
            {
                foreach (var (name, value) in feature.Properties)
                {
                    Assert.True(fields.TryGetValue(name, out var type), $"{id}: the tile property {name} is not a TileJSON field");
                    var ok = type switch
                    {
                        "Number" => value is double or long,
                        "Boolean" => value is bool,
                        "String" => value is string,
                        _ => false,
                    };
                    Assert.True(ok, $"{id}: {name} is declared {type} but the tile holds {value.GetType().Name} {value}");
                    checkedNumbers += type == "Number" ? 1 : 0;
                }
            }
        }

        Assert.True(withFeatures >= 5, $"only {withFeatures} collections had features in the tile");
        Assert.True(checkedNumbers > 0, "no number was checked");
    }

    [Fact]
    public async Task A_ward_tile_carries_the_IMD_score_as_a_number()
    {
        var tile = TileTests.TileOf(0.15, 51.05, 10);
        using var response = await api.Client.GetAsync(new Uri($"/tiles/wards/{tile.Z}/{tile.X}/{tile.Y}.mvt", UriKind.Relative));

        var layer = Assert.Single(VectorTile.Read(await response.Content.ReadAsByteArrayAsync()).Layers);

        Assert.Contains(layer.Features, f => f.Properties.TryGetValue("imd_score", out var score) && score is double);
        Assert.DoesNotContain(layer.Features, f => f.Properties.TryGetValue("imd_score", out var score) && score is string);
        var json = await api.JsonAsync("/tiles/wards");
        Assert.Equal("Number", json.GetProperty("vector_layers")[0].GetProperty("fields").GetProperty("imd_score").GetString());
        Assert.Equal(JsonValueKind.String, json.GetProperty("vector_layers")[0].GetProperty("fields").GetProperty("id").ValueKind);
    }
}
