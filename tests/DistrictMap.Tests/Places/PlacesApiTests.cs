using System.Text.Json;
using DistrictMap.Tests.Import;
using DistrictMap.Tests.Infrastructure;

namespace DistrictMap.Tests.Places;

/// <summary>The synthetic district with the synthetic places, and the real application over it.</summary>
public sealed class PlacesApiFixture : ApiFixture
{
    protected override async Task LoadAsync(TestDatabase db)
    {
        await SyntheticDistrict.LoadAllAsync(db);
        await SyntheticPlaces.LoadAllAsync(db);
    }
}

/// <summary>/api/nearby, the places OGC collections and the ward measures in /api/wards, through the real HTTP pipeline.</summary>
public sealed class PlacesApiTests(PlacesApiFixture api) : IClassFixture<PlacesApiFixture>
{
    private static List<JsonElement> Features(JsonElement nearby) => [.. nearby.GetProperty("features").EnumerateArray()];

    [Fact]
    public async Task Nearby_lists_places_by_true_distance_with_the_district_ward_and_LSOA_of_the_point()
    {
        var nearby = await api.JsonAsync("/api/nearby?lon=0.05&lat=51.025&radius=5000");

        Assert.Equal(("E07999999", "E05999901", "E01999901"), (
            nearby.GetProperty("district").GetProperty("code").GetString(),
            nearby.GetProperty("ward").GetProperty("code").GetString(),
            nearby.GetProperty("lsoa").GetProperty("code").GetString()));
        var focusWards = await api.JsonAsync("/api/focus-wards?district=E07999999");
        Assert.Equal(
            focusWards.GetProperty("wards").EnumerateArray().Any(w => w.GetProperty("code").GetString() == "E05999901"),
            nearby.GetProperty("ward").GetProperty("focus").GetBoolean());
        Assert.Equal(5000, nearby.GetProperty("radius").GetDouble());
        var features = Features(nearby);
        var distances = features.Select(f => f.GetProperty("distanceMetres").GetDouble()).ToList();
        Assert.Equal(distances.Order(), distances);
        Assert.Equal(("green-spaces", "Synthetic Park A", 0.0), (features[0].GetProperty("kind").GetString(), features[0].GetProperty("name").GetString(), distances[0]));
        Assert.Equal("park", features[0].GetProperty("properties").GetProperty("type").GetString());
        Assert.False(features[0].GetProperty("sample").GetBoolean());
        Assert.EndsWith($"/ogc/collections/green-spaces/items/{features[0].GetProperty("id").GetString()}", features[0].GetProperty("href").GetString(), StringComparison.Ordinal);
        // The meridian walk's nearest point is due west, 0.02° of the parallel 51.025° N away.
        var walk = features.First(f => f.GetProperty("name").GetString() == "Synthetic Meridian Walk");
        SyntheticPlaces.Near(SyntheticPlaces.Haversine(0.03, 51.025, 0.05, 51.025), walk.GetProperty("distanceMetres").GetDouble());
        Assert.Equal("walking", walk.GetProperty("properties").GetProperty("kind").GetString());
        Assert.Contains(features, f => f.GetProperty("kind").GetString() == "recycling-sites"
            && f.GetProperty("properties").GetProperty("materials").EnumerateArray().Select(m => m.GetString()).SequenceEqual(["glass", "paper"]));
    }

    [Fact]
    public async Task Nearby_keeps_only_what_is_within_the_radius_and_the_chosen_kinds()
    {
        // The meridian walk is about 1,400 m from the point.
        var close = await api.JsonAsync("/api/nearby?lon=0.05&lat=51.025&radius=1300&kinds=routes,green-spaces");
        var wider = await api.JsonAsync("/api/nearby?lon=0.05&lat=51.025&radius=1500&kinds=routes");
        var widest = await api.JsonAsync("/api/nearby?lon=0.05&lat=51.025&radius=20000&kinds=activities&limit=1");

        Assert.Equal(["green-spaces"], Features(close).Select(f => f.GetProperty("kind").GetString()).Distinct());
        Assert.All(Features(close), f => Assert.True(f.GetProperty("distanceMetres").GetDouble() <= 1300));
        Assert.Equal(["Synthetic Meridian Walk", "Synthetic Meridian Walk (copy)"], Features(wider).Select(f => f.GetProperty("name").GetString()).Order());
        Assert.Equal("Synthetic Litter Pick", Assert.Single(Features(widest)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Nearby_outside_every_district_still_answers_with_no_ward()
    {
        var nearby = await api.JsonAsync("/api/nearby?lon=0.6&lat=51.05&radius=1000");

        Assert.Equal(JsonValueKind.Null, nearby.GetProperty("district").ValueKind);
        Assert.Equal(JsonValueKind.Null, nearby.GetProperty("ward").ValueKind);
        Assert.Empty(Features(nearby));
    }

    [Fact]
    public async Task Nearby_as_GeoJSON_has_each_places_geometry()
    {
        var geojson = await api.JsonAsync("/api/nearby?lon=0.03&lat=51.02&radius=200&kinds=routes&f=geojson");

        var feature = geojson.GetProperty("features")[0];
        Assert.Equal("MultiLineString", feature.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(0.0, feature.GetProperty("properties").GetProperty("distanceMetres").GetDouble());
        Assert.StartsWith("routes/", feature.GetProperty("id").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/nearby?lon=0.05&lat=51.025&radius=20001", "radius '20001' must be a distance in metres greater than 0 and at most 20000 (default 2000).")]
    [InlineData("/api/nearby?lon=0.05&lat=51.025&radius=0", "radius '0' must be a distance in metres greater than 0 and at most 20000 (default 2000).")]
    [InlineData("/api/nearby?lon=0.05&lat=51.025&kinds=,", "kinds is empty: give a comma-separated list of: routes, green-spaces, town-centre-projects, recycling-sites, activities, actions.")]
    [InlineData("/api/nearby?lon=0.05&lat=51.025&kinds=parks", "kinds: 'parks' is not a kind. Give a comma-separated list of: routes, green-spaces, town-centre-projects, recycling-sites, activities, actions.")]
    [InlineData("/api/nearby?lat=51.025", "lon is required: a number from -180 to 180.")]
    [InlineData("/api/nearby?lon=0.05&lat=51.025&limit=0", "limit '0' must be a whole number from 1 to 1000 (default 100).")]
    [InlineData("/api/nearby?lon=0.05&lat=51.025&colour=red", "Unknown query parameter 'colour'. Allowed: f, geometry, kinds, lat, limit, lon, radius.")]
    public async Task Nearby_refuses_bad_parameters_saying_what_is_allowed(string url, string detail) =>
        Assert.Equal(detail, await api.ProblemAsync(url, 400));

    [Fact]
    public async Task Places_collections_are_served_with_their_properties_and_lines_keep_their_direction()
    {
        var collections = await api.JsonAsync("/ogc/collections");
        var routes = await api.JsonAsync("/ogc/collections/routes/items?kind=walking&sortby=name");
        var greens = await api.JsonAsync("/ogc/collections/green-spaces/items?access=restricted");
        var sites = await api.JsonAsync("/ogc/collections/recycling-sites/items?sample=false&sortby=name");
        var projects = await api.JsonAsync("/ogc/collections/town-centre-projects/items?sortby=title");
        var activities = await api.JsonAsync("/ogc/collections/activities/items?type=volunteering");

        Assert.Equal(
            ["districts", "wards", "lsoas", "routes", "green-spaces", "town-centre-projects", "recycling-sites", "activities", "actions"],
            collections.GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        var walk = routes.GetProperty("features")[0];
        Assert.Equal(2, routes.GetProperty("numberMatched").GetInt32());
        Assert.Equal("[[[0.03,51.01],[0.03,51.03]]]", walk.GetProperty("geometry").GetProperty("coordinates").GetRawText());
        Assert.Equal(("walking", "gravel", false), (walk.GetProperty("properties").GetProperty("kind").GetString(),
            walk.GetProperty("properties").GetProperty("surface").GetString(), walk.GetProperty("properties").GetProperty("sample").GetBoolean()));
        Assert.Equal("Synthetic Allotments B", Assert.Single(greens.GetProperty("features").EnumerateArray()).GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal("cans,textiles", sites.GetProperty("features")[0].GetProperty("properties").GetProperty("materials").GetString());
        var market = projects.GetProperty("features")[0].GetProperty("properties");
        Assert.Equal(("2025-04-01", "2026-03-31", "Synthetic Partner"), (market.GetProperty("start").GetString(), market.GetProperty("end").GetString(), market.GetProperty("lead_partner").GetString()));
        Assert.Equal("MultiPolygon", projects.GetProperty("features")[1].GetProperty("geometry").GetProperty("type").GetString());
        var litter = Assert.Single(activities.GetProperty("features").EnumerateArray()).GetProperty("properties");
        Assert.Equal(("Saturdays 10:00-12:00", 2.0), (litter.GetProperty("when").GetString(), litter.GetProperty("hours_needed").GetDouble()));
    }

    [Fact]
    public async Task A_place_is_served_by_its_number_and_bad_or_unknown_numbers_are_problems()
    {
        var list = await api.JsonAsync("/ogc/collections/activities/items");
        var id = list.GetProperty("features")[0].GetProperty("id").GetString();

        var feature = await api.JsonAsync($"/ogc/collections/activities/items/{id}");

        Assert.Equal(id, feature.GetProperty("id").GetString());
        Assert.Equal("Point", feature.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal("There is no feature abc in the collection activities: its ids are a place's number, such as 12.", await api.ProblemAsync("/ogc/collections/activities/items/abc", 404));
        Assert.Equal("There is no feature 999999 in the collection activities.", await api.ProblemAsync("/ogc/collections/activities/items/999999", 404));
        Assert.Equal("sample 'maybe' must be true or false.", await api.ProblemAsync("/ogc/collections/activities/items?sample=maybe", 400));
    }

    [Fact]
    public async Task A_ward_profile_has_its_places_measures()
    {
        var ward = await api.JsonAsync("/api/wards/E05999902");

        var places = ward.GetProperty("places");
        SyntheticPlaces.Near(SyntheticPlaces.Haversine(0.10, 51.04, 0.12, 51.04), places.GetProperty("routeLengthM").GetProperty("cycling").GetDouble());
        Assert.Equal(0, places.GetProperty("routeLengthM").GetProperty("walking").GetDouble());
        Assert.Equal((0.0, 0.5), (places.GetProperty("populationShareWithin400m").GetDouble(), places.GetProperty("populationShareWithin1km").GetDouble()));
        Assert.Equal((0, 2, 0), (places.GetProperty("projects").GetInt32(), places.GetProperty("activities").GetInt32(), places.GetProperty("recyclingSites").GetInt32()));
        Assert.True(places.GetProperty("greenSpaceAreaM2").GetDouble() > 0);
        Assert.True(places.GetProperty("greenSpaceM2Per1000").GetDouble() > 0);
    }

    [Fact]
    public async Task Ranking_rows_carry_the_places_measures_flattened_in_JSON_and_CSV()
    {
        var ranking = await api.JsonAsync("/api/wards/ranking?district=E07999999");
        using var csv = await api.Client.GetAsync("/api/wards/ranking?district=E07999999&f=csv");

        var wardA = ranking.GetProperty("wards").EnumerateArray().Single(w => w.GetProperty("code").GetString() == "E05999901");
        Assert.Equal((0.25, 0.25, 2), (wardA.GetProperty("populationShareWithin400m").GetDouble(), wardA.GetProperty("populationShareWithin1km").GetDouble(), wardA.GetProperty("recyclingSites").GetInt32()));
        SyntheticPlaces.Near(SyntheticPlaces.Haversine(0.03, 51.01, 0.03, 51.03), wardA.GetProperty("routeLengthWalkingM").GetDouble());
        var header = (await csv.Content.ReadAsStringAsync()).Split("\r\n")[0];
        Assert.EndsWith(
            ",routeLengthWalkingM,routeLengthCyclingM,routeLengthSharedM,greenSpaceAreaM2,greenSpaceM2Per1000,populationShareWithin400m,populationShareWithin1km,projects,activities,recyclingSites",
            header,
            StringComparison.Ordinal);
    }
}
