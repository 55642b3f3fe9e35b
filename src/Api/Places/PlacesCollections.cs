using System.Text.RegularExpressions;
using DistrictMap.Api.Features;
using DistrictMap.Api.Tiles;

namespace DistrictMap.Api.Places;

/// <summary>The places layers as feature collections: routes, green spaces, town-centre projects, recycling sites and activities.</summary>
public static partial class PlacesCollections
{
    private const string IdDescription = "a place's number, such as 12";

    private static readonly string[] PlaceKeywords = ["community plan", "places"];

    public static readonly FeatureCollectionDefinition Routes = new()
    {
        Id = PlaceLayer.Routes.Id(),
        Title = PlaceLayer.Routes.Title(),
        Description = "Walking, cycling and shared-use routes: national cycle routes, long-distance paths and named paths, "
            + "with their surface, accessibility notes and length on the ellipsoid. Features with sample=true are sample content, not real data.",
        From = "routes r",
        IdExpression = "r.id",
        IdPattern = IdPattern(),
        IdDescription = IdDescription,
        GeometryExpression = "r.geom",
        TileGeometry = TileGeometry.WithBands("r"),
        DatasetKinds = [PlaceLayer.Routes.Id()],
        Keywords = [.. PlaceKeywords, "walking", "cycling", "routes"],
        TileProperties = ["name", "kind", "network", "sample"],
        Properties =
        [
            new("name", "r.name", PropertyType.Text, "Name of the route", Queryable: true),
            new("kind", "r.kind", PropertyType.Text, "walking, cycling or shared", Queryable: true),
            new("network", "r.network", PropertyType.Text, "National cycle route number or long-distance path", Queryable: true),
            new("surface", "r.surface", PropertyType.Text, "Surface, where known"),
            new("accessibility", "r.accessibility", PropertyType.Text, "Step-free, stiles, gradient, where known"),
            new("length_m", "round(r.length_m::numeric, 1)", PropertyType.Number, "Length on the ellipsoid, metres"),
            new("district", "r.district_code", PropertyType.Text, "GSS code of the district it was found in", Queryable: true),
            Sample("r"),
        ],
    };

    public static readonly FeatureCollectionDefinition GreenSpaces = new()
    {
        Id = PlaceLayer.GreenSpaces.Id(),
        Title = PlaceLayer.GreenSpaces.Title(),
        Description = "Parks, nature reserves, country parks, commons, woodland, playing fields, allotments and play areas, "
            + "with public or restricted access and their area on the ellipsoid. Features with sample=true are sample content, not real data.",
        From = "green_spaces g",
        IdExpression = "g.id",
        IdPattern = IdPattern(),
        IdDescription = IdDescription,
        GeometryExpression = "g.geom",
        TileGeometry = TileGeometry.WithBands("g"),
        DatasetKinds = [PlaceLayer.GreenSpaces.Id()],
        Keywords = [.. PlaceKeywords, "green space", "parks", "nature reserves"],
        TileProperties = ["name", "type", "access", "sample"],
        Properties =
        [
            new("name", "g.name", PropertyType.Text, "Name of the green space", Queryable: true),
            new("type", "g.type", PropertyType.Text, string.Join(", ", PlaceVocabulary.GreenSpaceTypes), Queryable: true),
            new("access", "g.access", PropertyType.Text, "public or restricted", Queryable: true),
            new("area_m2", "round(g.area_m2::numeric)", PropertyType.Number, "Area on the ellipsoid, m²"),
            new("district", "g.district_code", PropertyType.Text, "GSS code of the district it was found in", Queryable: true),
            Sample("g"),
        ],
    };

    public static readonly FeatureCollectionDefinition TownCentreProjects = new()
    {
        Id = PlaceLayer.TownCentreProjects.Id(),
        Title = PlaceLayer.TownCentreProjects.Title(),
        Description = "Projects in town centres, as points or the areas they cover, with their status, lead partner, dates and a link. "
            + "Features with sample=true are sample content, not real projects.",
        From = "town_centre_projects p",
        IdExpression = "p.id",
        IdPattern = IdPattern(),
        IdDescription = IdDescription,
        GeometryExpression = "p.geom",
        TileGeometry = TileGeometry.WithBands("p"),
        DatasetKinds = [PlaceLayer.TownCentreProjects.Id()],
        Keywords = [.. PlaceKeywords, "town centres", "projects"],
        TileProperties = ["title", "town", "status", "sample"],
        Temporal = FeatureTemporal.Days("p.start_date", "p.end_date", "From the project's start to its end date (each open when not known)", "start", "end"),
        Properties =
        [
            new("title", "p.title", PropertyType.Text, "Title of the project", Queryable: true),
            new("town", "p.town", PropertyType.Text, "The town", Queryable: true),
            new("description", "p.description", PropertyType.Text, "What the project does"),
            new("status", "p.status", PropertyType.Text, "Status, as the source gives it", Queryable: true),
            new("lead_partner", "p.lead_partner", PropertyType.Text, "The partner organisation leading it", Queryable: true),
            new("start", "p.start_date", PropertyType.Date, "Start date"),
            new("end", "p.end_date", PropertyType.Date, "End date"),
            new("link", "p.link", PropertyType.Text, "Web address for more"),
            new("district", "p.district_code", PropertyType.Text, "GSS code of the district it was found in", Queryable: true),
            Sample("p"),
        ],
    };

    public static readonly FeatureCollectionDefinition RecyclingSites = new()
    {
        Id = PlaceLayer.RecyclingSites.Id(),
        Title = PlaceLayer.RecyclingSites.Title(),
        Description = "Recycling points and centres with the materials they accept and their opening hours. "
            + "Features with sample=true are sample content, not real sites.",
        From = "recycling_sites s",
        IdExpression = "s.id",
        IdPattern = IdPattern(),
        IdDescription = IdDescription,
        GeometryExpression = "s.geom",
        TileGeometry = TileGeometry.Points("s"),
        DatasetKinds = [PlaceLayer.RecyclingSites.Id()],
        Keywords = [.. PlaceKeywords, "recycling"],
        TileProperties = ["name", "materials", "sample"],
        Properties =
        [
            new("name", "s.name", PropertyType.Text, "Name of the site", Queryable: true),
            new("materials", "array_to_string(s.materials, ',')", PropertyType.Text, "Materials accepted, comma-separated"),
            new("opening", "s.opening", PropertyType.Text, "Opening hours or notes"),
            new("district", "s.district_code", PropertyType.Text, "GSS code of the district it was found in", Queryable: true),
            Sample("s"),
        ],
    };

    public static readonly FeatureCollectionDefinition Activities = new()
    {
        Id = PlaceLayer.Activities.Id(),
        Title = PlaceLayer.Activities.Title(),
        Description = "Community activities and volunteering opportunities, with when they happen and the time they ask for in hours. "
            + "Features with sample=true are sample content, not real activities.",
        From = "activities a",
        IdExpression = "a.id",
        IdPattern = IdPattern(),
        IdDescription = IdDescription,
        GeometryExpression = "a.geom",
        TileGeometry = TileGeometry.Points("a"),
        DatasetKinds = [PlaceLayer.Activities.Id()],
        Keywords = [.. PlaceKeywords, "volunteering", "community activities"],
        TileProperties = ["title", "type", "when", "sample"],
        Properties =
        [
            new("title", "a.title", PropertyType.Text, "Title of the activity", Queryable: true),
            new("type", "a.type", PropertyType.Text, "activity or volunteering", Queryable: true),
            new("description", "a.description", PropertyType.Text, "What it involves"),
            new("when", "a.schedule", PropertyType.Text, "When it happens"),
            new("hours_needed", "a.hours_needed", PropertyType.Number, "Time needed, hours"),
            new("contact", "a.contact", PropertyType.Text, "Contact link, e-mail or telephone"),
            new("district", "a.district_code", PropertyType.Text, "GSS code of the district it was found in", Queryable: true),
            Sample("a"),
        ],
    };

    public static readonly IReadOnlyList<FeatureCollectionDefinition> All = [Routes, GreenSpaces, TownCentreProjects, RecyclingSites, Activities];

    public static IServiceCollection AddPlacesCollections(this IServiceCollection services)
    {
        foreach (var collection in All)
        {
            services.AddFeatureCollection(collection);
        }

        return services;
    }

    private static FeatureProperty Sample(string alias) =>
        new("sample", $"{alias}.sample", PropertyType.TrueFalse, "true for sample content, which is not real data", Queryable: true);

    [GeneratedRegex("^[0-9]{1,9}$")]
    private static partial Regex IdPattern();
}
