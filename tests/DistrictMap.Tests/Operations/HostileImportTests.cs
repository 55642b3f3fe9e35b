using DistrictMap.Api.Import;
using DistrictMap.Api.Import.Boundaries;
using DistrictMap.Api.Import.Deprivation;
using DistrictMap.Api.Import.Lookup;
using DistrictMap.Api.Places;
using DistrictMap.Api.Places.Import;
using DistrictMap.Api.Places.Import.Osm;
using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;
using DistrictMap.Tests.Places;
using Xunit.Abstractions;

namespace DistrictMap.Tests.Operations;

/// <summary>Every importer, fed the hostile-file corpus: a clean one-line refusal and nothing written, or a clean load; never anything else.</summary>
public sealed class HostileImportTests(ITestOutputHelper output) : DatabaseTest
{
    [Fact]
    public async Task Importers_refuse_hostile_files_cleanly_and_write_nothing()
    {
        await SyntheticDistrict.LoadAllAsync(Db);
        var corpus = HostileFiles.All();
        var folder = Directory.CreateTempSubdirectory("districtmap-hostile-").FullName;
        var (refused, loaded) = (0, 0);
        try
        {
            foreach (var file in corpus)
            {
                var path = Path.Combine(folder, "hostile" + Extension(file.Importer));
                await File.WriteAllBytesAsync(path, file.Content);
                var before = await Db.DigestAsync();
                Exception? failure = null;
                try
                {
                    await ImportAsync(file.Importer, path).WaitAsync(TimeSpan.FromSeconds(60));
                }
                catch (Exception e)
                {
                    failure = e;
                }

                if (failure is null)
                {
                    Assert.True(file.Expect == Expect.RefusedOrLoaded, $"{file}: loaded, but it should have been refused");
                    loaded++;
                    continue;
                }

                var import = failure as ImportException ?? throw new Xunit.Sdk.XunitException($"{file}: {failure}");
                Assert.DoesNotContain('\n', import.Message);
                Assert.StartsWith(Path.GetFileName(path), import.Message, StringComparison.Ordinal);
                Assert.True(before == await Db.DigestAsync(), $"{file}: refused ({import.Message}) but the database changed");
                output.WriteLine($"{file}: {Shorten(import.Message)}");
                refused++;
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Assert.Equal(corpus.Count, refused + loaded);
        Assert.True(await Db.CountAsync("wards") > 0, "the wards table is gone or empty");
        output.WriteLine($"{corpus.Count} hostile files: {refused} refused cleanly, {loaded} valid but extreme ones loaded.");
    }

    private static string Extension(string importer) => importer switch
    {
        "lookup" or "iod" => ".csv",
        "osm.json" => ".json",
        "osm.osm" => ".osm",
        _ => ".geojson",
    };

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..160] + "…";

    private Task ImportAsync(string importer, string path) => importer switch
    {
        "wards" => Db.Boundaries.ImportAsync(new BoundaryImportOptions { Kind = BoundaryKind.Wards, Path = path }, TestDatabase.NoProgress),
        "routes" => Db.Importer().ImportAsync(new PlaceImportOptions { Layer = PlaceLayer.Routes, Path = path }, TestDatabase.NoProgress),
        "green-spaces" => Db.Importer().ImportAsync(new PlaceImportOptions { Layer = PlaceLayer.GreenSpaces, Path = path }, TestDatabase.NoProgress),
        "osm.json" or "osm.osm" => Db.Osm().ImportAsync(new OsmImportOptions { Path = path }, TestDatabase.NoProgress),
        "lookup" => Db.Lookup.ImportAsync(new LookupImportOptions { Path = path, District = SyntheticDistrict.Code }, TestDatabase.NoProgress),
        "iod" => Db.Iod.ImportAsync(new IodImportOptions { Path = path, District = SyntheticDistrict.Code }, TestDatabase.NoProgress),
        _ => throw new ArgumentOutOfRangeException(nameof(importer), importer, null),
    };
}
