using DistrictMap.Api.Import;
using DistrictMap.Api.Places.Import;
using DistrictMap.Api.Places.Import.Osm;
using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DistrictMap.Tests.Places;

/// <summary>
/// Sample places stand in for a layer only while the district has no real ones of it: a real import removes that layer's
/// samples (and their dataset records), and samples are not loaded again over real places. Synthetic fixtures throughout.
/// </summary>
public sealed class RealReplacesSampleTests : DatabaseTest
{
    private readonly string folder = Directory.CreateTempSubdirectory("districtmap-samples-").FullName;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["DistrictMap:Data:SampleDirectory"] = folder };

    public override async Task InitializeAsync()
    {
        foreach (var (layer, fixture) in new[] { ("routes", "places-routes.geojson"), ("recycling-sites", "places-recycling-sites.geojson"), ("town-centre-projects", "places-projects.geojson") })
        {
            File.Copy(Fixtures.File(fixture), Path.Combine(folder, $"{SyntheticDistrict.Code}-sample-{layer}.geojson"));
        }

        await base.InitializeAsync();
        await SyntheticDistrict.LoadAllAsync(Db);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private Task<IReadOnlyList<ImportSummary>> LoadSamplesAsync(bool again = true) =>
        Db.Services.GetRequiredService<PlaceSamples>().LoadAsync(SyntheticDistrict.Code, _ => TestDatabase.NoProgress, CancellationToken.None, again);

    private Task<long> CountAsync(string table, bool sample) =>
        Db.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE sample = {(sample ? "true" : "false")} AND district_code = '{SyntheticDistrict.Code}'");

    [Fact]
    public async Task Real_places_remove_the_samples_of_their_layers_and_samples_never_return_over_them()
    {
        Assert.Equal(3, (await LoadSamplesAsync()).Count);
        Assert.True(await CountAsync("routes", sample: true) > 0);
        Assert.True(await CountAsync("recycling_sites", sample: true) > 0);
        var version = await Db.ScalarAsync<long>("SELECT version FROM data_state");

        await Db.Services.GetRequiredService<OsmImporter>().ImportAsync(
            new OsmImportOptions { Path = Fixtures.File("osm-synthetic.json"), District = SyntheticDistrict.Code }, TestDatabase.NoProgress);

        // OpenStreetMap brought real routes and recycling sites: their samples went, with their dataset records.
        Assert.Equal(0, await CountAsync("routes", sample: true));
        Assert.Equal(0, await CountAsync("recycling_sites", sample: true));
        Assert.True(await CountAsync("routes", sample: false) > 0);
        Assert.Equal(0, await Db.ScalarAsync<long>("SELECT count(*) FROM datasets WHERE kind IN ('routes', 'recycling-sites') AND licence = 'sample content, not real data'"));
        // No real town-centre projects: those stay sample, still labelled so.
        Assert.True(await CountAsync("town_centre_projects", sample: true) > 0);
        Assert.True(await Db.ScalarAsync<long>("SELECT version FROM data_state") > version);

        // Loading the samples again touches only the layer without real places.
        var again = await LoadSamplesAsync();
        Assert.Equal(["town-centre-projects"], again.Select(s => s.Dataset.Split(':')[0]));
        Assert.Equal(0, await CountAsync("routes", sample: true));
        // As run loads them: layers whose samples are already loaded are left alone.
        Assert.Empty(await LoadSamplesAsync(again: false));
    }
}
