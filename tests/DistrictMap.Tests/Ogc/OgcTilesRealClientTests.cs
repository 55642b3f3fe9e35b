using System.Globalization;
using System.Text.RegularExpressions;

namespace DistrictMap.Tests.Ogc;

/// <summary>
/// A real client of the OGC API - Tiles resources: GDAL (installed by scripts/setup.sh --test) reading the WebMercatorQuad
/// definition /ogc/tileMatrixSets/WebMercatorQuad serves, as its tile matrix set parser does for the OGCAPI driver.
/// </summary>
[Collection(OgcTests.Name)]
public sealed partial class OgcTilesRealClientTests(OgcFixture api)
{
    [Fact]
    public async Task GDAL_tiles_a_raster_on_the_WebMercatorQuad_the_API_defines()
    {
        // GDAL's tile matrix set parser (here through the COG writer's TILING_SCHEME) reads the definition as served.
        var folder = Directory.CreateTempSubdirectory("districtmap-tms-").FullName;
        try
        {
            var definition = Path.Combine(folder, "WebMercatorQuad.json");
            await File.WriteAllTextAsync(definition, (await api.JsonAsync("/ogc/tileMatrixSets/WebMercatorQuad")).GetRawText());
            var source = Path.Combine(folder, "synthetic.tif");
            var cog = Path.Combine(folder, "synthetic-cog.tif");
            // A synthetic 100 by 100 raster over the synthetic district, in EPSG:3857.
            await RealClients.RunAsync("gdal_create", "-of", "GTiff", "-outsize", "100", "100", "-bands", "1", "-burn", "7", "-a_srs", "EPSG:3857", "-a_ullr", "0", "6640000", "33000", "6620000", source);

            await RealClients.RunAsync("gdal_translate", "-q", "-of", "COG", "-co", $"TILING_SCHEME={definition}", source, cog);
            var info = await RealClients.RunAsync("gdalinfo", cog);

            Assert.Contains("Block=256x256", info, StringComparison.Ordinal);
            Assert.Contains("\"EPSG\",3857", info, StringComparison.Ordinal);
            // Tiles of the tile matrix set: the origin of the COG is on a tile corner of its matrices, x = -20037508.34 + k * tile width.
            var origin = Origin().Match(info);
            Assert.True(origin.Success, info);
            var x = double.Parse(origin.Groups[1].Value, CultureInfo.InvariantCulture);
            var pixel = double.Parse(Pixel().Match(info).Groups[1].Value, CultureInfo.InvariantCulture);
            var tiles = (x + 20037508.342789244) / (256 * pixel);
            Assert.Equal(Math.Round(tiles), tiles, 6);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"Origin = \(([-0-9.]+),")]
    private static partial Regex Origin();

    [GeneratedRegex(@"Pixel Size = \(([-0-9.]+),")]
    private static partial Regex Pixel();
}
