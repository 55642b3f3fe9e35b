using System.Text.Json;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Api;

/// <summary>The REST API under /api, on the synthetic district.</summary>
public sealed class RestApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_district_has_its_wards_population_deprivation_overview_and_sources()
    {
        var district = await api.JsonAsync("/api/districts/E07999999");

        Assert.Equal("Synthetic District", district.GetProperty("name").GetString());
        Assert.Equal(3, district.GetProperty("wardCount").GetInt32());
        Assert.Equal(6, district.GetProperty("lsoaCount").GetInt32());
        Assert.Equal(10_000, district.GetProperty("population").GetInt64());
        var deprivation = district.GetProperty("deprivation");
        // (40×1000 + 10×3000 + 20×1500 + 20×1500 + 30×1000 + 12×2000) / 10000
        Assert.Equal(18.4, deprivation.GetProperty("imdScore").GetDouble(), 6);
        Assert.Equal(1, deprivation.GetProperty("lsoasInMostDeprived10").GetInt32());
        Assert.Equal("E05999902", deprivation.GetProperty("mostDeprivedWards")[0].GetProperty("code").GetString());
        Assert.Contains(district.GetProperty("sources").EnumerateArray(), s => s.GetProperty("licence").GetString() == "OGL-UK-3.0");
    }

    [Fact]
    public async Task Wards_of_a_district_with_their_summary_in_JSON_CSV_and_GeoJSON()
    {
        var json = await api.JsonAsync("/api/wards?district=E07999999");
        using var csv = await api.Client.GetAsync("/api/wards?district=E07999999&f=csv");
        var geojson = await api.JsonAsync("/api/wards?district=E07999999&f=geojson");

        var wards = json.GetProperty("wards").EnumerateArray().ToList();
        Assert.Equal(3, wards.Count);
        Assert.Equal("IoD2019", json.GetProperty("release").GetString());
        Assert.Equal(17.5, wards[0].GetProperty("imdScore").GetDouble());
        Assert.False(wards[0].TryGetProperty("geometry", out _));
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("code,name,district,areaKm2,release,population,imdScore,imdRankInDistrict", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("E05999901,Synthetic Ward A,E07999999,", lines[1], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.Equal("FeatureCollection", geojson.GetProperty("type").GetString());
        Assert.Equal("MultiPolygon", geojson.GetProperty("features")[0].GetProperty("geometry").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Geometry_true_adds_outlines_to_the_JSON()
    {
        var json = await api.JsonAsync("/api/wards?district=E07999999&geometry=true");

        Assert.Equal("MultiPolygon", json.GetProperty("wards")[0].GetProperty("geometry").GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_ranking_orders_wards_by_the_chosen_index()
    {
        var imd = await api.JsonAsync("/api/wards/ranking?district=E07999999");
        var income = await api.JsonAsync("/api/wards/ranking?district=E07999999&by=income");
        using var csv = await api.Client.GetAsync("/api/wards/ranking?district=E07999999&f=csv");

        Assert.Equal(["E05999902", "E05999903", "E05999901"], imd.GetProperty("wards").EnumerateArray().Select(w => w.GetProperty("code").GetString()));
        Assert.Equal([1, 2, 3], imd.GetProperty("wards").EnumerateArray().Select(w => w.GetProperty("rank").GetInt32()));
        Assert.Equal("income", income.GetProperty("by").GetString());
        Assert.Equal("score", income.GetProperty("wards")[0].GetProperty("rankBasis").GetString());
        Assert.StartsWith("rank,code,name,score", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ward_profile_has_every_index_its_LSOAs_and_its_neighbours()
    {
        var ward = await api.JsonAsync("/api/wards/E05999902");

        Assert.Equal("Synthetic District", ward.GetProperty("district").GetProperty("name").GetString());
        Assert.Equal(10, ward.GetProperty("domains").GetArrayLength());
        Assert.Equal("imd", ward.GetProperty("domains")[0].GetProperty("domain").GetString());
        Assert.Equal(["E01999903", "E01999904"], ward.GetProperty("lsoas").EnumerateArray().Select(l => l.GetProperty("code").GetString()));
        Assert.Equal(["E05999901", "E05999903"], ward.GetProperty("neighbours").EnumerateArray().Select(n => n.GetProperty("code").GetString()).Order());
        Assert.EndsWith("/api/methods/ward-deprivation", ward.GetProperty("method").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ward_as_a_GeoJSON_feature()
    {
        var feature = await api.JsonAsync("/api/wards/E05999902?f=geojson");

        Assert.Equal("Feature", feature.GetProperty("type").GetString());
        Assert.Equal(20.0, feature.GetProperty("properties").GetProperty("imdScore").GetDouble());
    }

    [Fact]
    public async Task LSOAs_of_a_ward_and_one_LSOA_in_detail()
    {
        var list = await api.JsonAsync("/api/lsoas?ward=E05999903");
        var detail = await api.JsonAsync("/api/lsoas/E01999906");

        Assert.Equal(["E01999905", "E01999906"], list.GetProperty("lsoas").EnumerateArray().Select(l => l.GetProperty("code").GetString()));
        Assert.Equal("area-overlap", detail.GetProperty("ward").GetProperty("assignment").GetString());
        Assert.Equal(10, detail.GetProperty("deprivation").GetArrayLength());
        Assert.Equal(2000, detail.GetProperty("population")[0].GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Locate_names_the_district_ward_and_LSOA_at_a_point()
    {
        var located = await api.JsonAsync("/api/locate?lon=0.15&lat=51.02");

        Assert.Equal("E07999999", located.GetProperty("district").GetProperty("code").GetString());
        Assert.Equal("E05999902", located.GetProperty("ward").GetProperty("code").GetString());
        Assert.Equal("E01999903", located.GetProperty("lsoa").GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_catalogue_is_DCAT_in_JSON_LD_with_licences_and_distributions()
    {
        using var response = await api.Client.GetAsync("/api/catalog");
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var catalog = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("dcat:Catalog", catalog.GetProperty("@type").GetString());
        Assert.Equal("http://www.w3.org/ns/dcat#", catalog.GetProperty("@context").GetProperty("dcat").GetString());
        var wards = catalog.GetProperty("dcat:dataset").EnumerateArray().Single(d => d.GetProperty("dct:identifier").GetString() == "wards:E07999999");
        Assert.Equal("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/", wards.GetProperty("dct:license").GetProperty("@id").GetString());
        Assert.Contains("Open Government Licence", wards.GetProperty("dct:rights").GetProperty("rdfs:label").GetString(), StringComparison.Ordinal);
        var media = wards.GetProperty("dcat:distribution").EnumerateArray().Select(d => d.GetProperty("dcat:mediaType").GetProperty("@id").GetString()).ToList();
        Assert.Contains("https://www.iana.org/assignments/media-types/application/geo+json", media);
        Assert.Contains("https://www.iana.org/assignments/media-types/text/csv", media);
    }

    [Fact]
    public async Task The_ward_deprivation_method_is_published()
    {
        using var response = await api.Client.GetAsync("/api/methods/ward-deprivation");

        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not an official", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/wards?district=Sevenoaks", 400, "district 'Sevenoaks' is not a GSS code")]
    [InlineData("/api/wards?district=E07000001", 404, "There is no district E07000001 loaded")]
    [InlineData("/api/wards?geometry=maybe", 400, "geometry 'maybe' must be true or false")]
    [InlineData("/api/wards?release=IoD1999", 400, "release 'IoD1999' is not known; releases: IoD2019, IoD2025")]
    [InlineData("/api/wards?colour=red", 400, "Unknown query parameter 'colour'. Allowed: district, f, geometry, release.")]
    [InlineData("/api/wards?f=html", 400, "f=html is not offered here; use one of: json, geojson, csv.")]
    [InlineData("/api/wards/ranking?district=E07999999&by=wealth", 400, "by 'wealth' is not one of: imd, income")]
    [InlineData("/api/wards/E05000000", 404, "There is no ward E05000000 loaded.")]
    [InlineData("/api/wards/x%27%20OR%201=1", 400, "is not a GSS code")]
    [InlineData("/api/lsoas", 400, "Give ward= or district=")]
    [InlineData("/api/lsoas/E01000000", 404, "There is no LSOA E01000000 loaded.")]
    [InlineData("/api/districts/E07000001", 404, "There is no district E07000001 loaded.")]
    [InlineData("/api/locate?lon=0.15", 400, "lat is required")]
    [InlineData("/api/locate?lon=500&lat=51", 400, "lon '500' must be a number from -180 to 180")]
    [InlineData("/api/locate?lon=NaN&lat=51", 400, "lon 'NaN' must be a number")]
    [InlineData("/api/locate?lon=-2&lat=53", 404, "outside every loaded district")]
    [InlineData("/api/catalog?f=csv", 400, "Unknown query parameter 'f'. Allowed: none.")]
    public async Task Bad_requests_and_missing_things_get_problem_details(string url, int status, string detail)
    {
        Assert.Contains(detail, await api.ProblemAsync(url, status), StringComparison.Ordinal);
    }
}
