using System.Text.Json;

namespace DistrictMap.Tests.Ogc;

/// <summary>
/// QGIS headless (Debian python3-qgis, installed by scripts/setup.sh --test, QT_QPA_PLATFORM=offscreen) as a real client:
/// its OAPIF provider loads every collection over a real listening server, with subset-string filters on wards and LSOAs,
/// and QGIS projects what it read to British National Grid. One QGIS process does every check.
/// </summary>
[Collection(OgcTests.Name)]
public sealed class OgcQgisTests(OgcFixture api)
{
    private const string Script = """
        import json, os, sys, tempfile
        os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp())  # Qt wants a private runtime directory
        from qgis.core import (QgsApplication, QgsVectorLayer, QgsNetworkAccessManager, QgsCoordinateReferenceSystem,
                               QgsCoordinateTransform, QgsProject)
        QgsApplication.setPrefixPath("/usr", True)
        app = QgsApplication([], False)
        app.initQgis()
        base, collections = sys.argv[1], sys.argv[2].split(",")
        urls = []
        QgsNetworkAccessManager.setRequestPreprocessor(lambda request: urls.append(request.url().toString()))
        bng = QgsCoordinateTransform(QgsCoordinateReferenceSystem("OGC:CRS84"), QgsCoordinateReferenceSystem("EPSG:27700"), QgsProject.instance())

        def load(name, subset=None):
            layer = QgsVectorLayer(f"url='{base}' typename='{name}'", name, "OAPIF")
            if subset is not None:
                layer.setSubsetString(subset)
            return layer

        out = {"collections": {}}
        for name in collections:
            layer = load(name)
            features = list(layer.getFeatures()) if layer.isValid() else []
            first = next((f for f in features if f.hasGeometry()), None)
            vertex = None
            if first is not None:
                geometry = first.geometry()
                geometry.transform(bng)
                point = geometry.vertexAt(0)
                vertex = [point.x(), point.y()]
            out["collections"][name] = {
                "valid": layer.isValid(),
                "count": len(features),
                "fields": [f.name() for f in layer.fields()],
                "first": first.attribute("id") if first is not None and layer.fields().indexOf("id") >= 0 else None,
                "bng": vertex,
            }
        urls.clear()
        out["wards"] = sorted(f.attribute("code") for f in load("wards", "code = 'E05999902'").getFeatures())
        out["lsoas"] = sorted(f.attribute("code") for f in load("lsoas", "ward = 'E05999903'").getFeatures())
        out["filterUrls"] = urls
        print(json.dumps(out), flush=True)
        # QGIS 3.22 can crash while tearing down its providers; what was asked is printed, so leave at once.
        os._exit(0)
        """;

    private async Task<List<string?>> IdsAsync(string collection, string filter) =>
        [.. (await api.JsonAsync($"/ogc/collections/{collection}/items?filter={Uri.EscapeDataString(filter)}")).GetProperty("features")
            .EnumerateArray().Select(f => f.GetProperty("id").GetString()).Order(StringComparer.Ordinal)];

    private static List<string?> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString())];

    private static (double X, double Y) FirstVertex(JsonElement coordinates) =>
        coordinates[0].ValueKind == JsonValueKind.Number ? (coordinates[0].GetDouble(), coordinates[1].GetDouble()) : FirstVertex(coordinates[0]);

    [Fact]
    public async Task QGIS_loads_every_collection_filters_wards_and_LSOAs_and_projects_them_to_BNG()
    {
        var collections = (await api.JsonAsync("/ogc/collections")).GetProperty("collections").EnumerateArray()
            .Select(c => c.GetProperty("id").GetString()!).ToList();
        await using var server = RealClients.Serve(api.Db.ConnectionString, out var port);
        var script = Path.Combine(Path.GetTempPath(), $"districtmap-qgis-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(script, Script);
        try
        {
            var environment = new Dictionary<string, string> { ["QT_QPA_PLATFORM"] = "offscreen" };
            var output = await RealClients.RunAsync("/usr/bin/python3", environment, script, $"http://127.0.0.1:{port}/ogc", string.Join(',', collections));
            var result = JsonDocument.Parse(output.Split("\n").Last(l => l.StartsWith('{'))).RootElement;

            // QGIS 3.22 applies a subset string to what it read (it sends no filter); the features kept are the API's.
            Assert.Equal(await IdsAsync("wards", "code = 'E05999902'"), Strings(result.GetProperty("wards")));
            Assert.Equal(await IdsAsync("lsoas", "ward = 'E05999903'"), Strings(result.GetProperty("lsoas")));
            Assert.Contains(Strings(result.GetProperty("filterUrls")), url => url!.Contains("/ogc/collections/lsoas/items", StringComparison.Ordinal));

            foreach (var collection in collections)
            {
                var read = result.GetProperty("collections").GetProperty(collection);
                var items = await api.JsonAsync($"/ogc/collections/{collection}/items?limit=1000");
                Assert.True(read.GetProperty("valid").GetBoolean(), $"QGIS could not load {collection}");
                Assert.Equal(items.GetProperty("numberMatched").GetInt32(), read.GetProperty("count").GetInt32());
                var first = read.GetProperty("first");
                var id = first.ValueKind == JsonValueKind.Number ? first.GetRawText() : first.GetString();
                var ours = await api.JsonAsync($"/ogc/collections/{collection}/items/{id}?crs=http://www.opengis.net/def/crs/EPSG/0/27700");
                var (x, y) = FirstVertex(ours.GetProperty("geometry").GetProperty("coordinates"));
                var theirs = read.GetProperty("bng");
                // QGIS projects CRS84 to BNG through PROJ's OSTN15 grid; the API's EPSG:27700 output, in centimetres, agrees.
                Assert.InRange(theirs[0].GetDouble() - x, -0.02, 0.02);
                Assert.InRange(theirs[1].GetDouble() - y, -0.02, 0.02);
            }

        }
        finally
        {
            File.Delete(script);
        }
    }
}
