using DistrictMap.Api.Datasets;
using DistrictMap.Api.Features;
using DistrictMap.Api.Http;
using DistrictMap.Api.Operations;
using Microsoft.Extensions.Options;

namespace DistrictMap.Api.Ogc;

/// <summary>
/// OGC API - Features - Part 1: Core under /ogc, over every declared feature collection, in GeoJSON,
/// JSON, CSV and HTML.
/// </summary>
public static class OgcEndpoints
{
    public const string Crs84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    public static readonly IReadOnlyList<string> ConformanceClasses =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
        "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/schemas",
        "http://www.opengis.net/spec/ogcapi-features-5/1.0/conf/core-roles-features",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
        "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
        "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
        "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
        "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
        "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
        "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
        "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
        "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
        "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions",
        // OGC API - Features - Part 4 (OGC 20-002 draft): create, replace, update and delete, on the actions collection.
        "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
        "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
        "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features",

        // OGC API - Tiles - Part 1 and the 2D Tile Matrix Set and Tileset Metadata 2.0 classes its resources follow.
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
        "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset",
        "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset",
        "http://www.opengis.net/spec/tms/2.0/conf/tilesetmetadata",
        "http://www.opengis.net/spec/tms/2.0/conf/json-tilesetmetadata",
        "http://www.opengis.net/spec/tms/2.0/conf/tilematrixsetlimits",
        "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixsetlimits",
    ];

    private static readonly ResponseFormat[] MetadataFormats = [ResponseFormat.Json, ResponseFormat.Html];
    private static readonly ResponseFormat[] ItemsFormats = [ResponseFormat.GeoJson, ResponseFormat.Html, ResponseFormat.Csv];
    private static readonly ResponseFormat[] ItemFormats = [ResponseFormat.GeoJson, ResponseFormat.Html];

    public static RouteGroupBuilder MapOgcEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ogc").WithTags("OGC API - Features").WithConditionalGet().WithProblemHandling();
        group.MapGet("/", Landing).AllowQuery().Offers(MetadataFormats).Produces<LandingPage>()
            .WithName("OgcLanding")
            .WithSummary("Landing page")
            .WithDescription("Links to the API definition, the conformance declaration and the feature collections (OGC API - Features).");
        group.MapGet("/conformance", Conformance).AllowQuery().Offers(MetadataFormats).Produces<ConformanceDeclaration>()
            .WithName("OgcConformance")
            .WithSummary("Conformance declaration")
            .WithDescription("The OGC API - Features conformance classes this server implements.");
        group.MapGet("/collections", Collections).AllowQuery().Offers(MetadataFormats).Produces<CollectionsDocument>()
            .WithName("OgcCollections")
            .WithSummary("Feature collections")
            .WithDescription("Every feature collection with its spatial extent, licence and links to its items.");
        group.MapGet("/collections/{collectionId}", Collection).AllowQuery().Offers(MetadataFormats).Produces<CollectionInfo>()
            .WithName("OgcCollection")
            .WithSummary("One feature collection")
            .WithDescription("A collection's description, extent, licences and links.");
        group.MapGet("/collections/{collectionId}/queryables", FeatureSchemas.Queryables).AllowQuery()
            .Produces<Dictionary<string, object>>(StatusCodes.Status200OK, "application/schema+json")
            .WithName("OgcQueryables")
            .WithSummary("Queryable properties")
            .WithDescription("The properties a CQL2 filter may name on the collection's items, as a JSON Schema (2020-12): the geometry, "
                + "the properties that equality filters (name=value) also accept, and the temporal ones.");
        group.MapGet("/collections/{collectionId}/items", Items).RequireRateLimiting(RateLimits.ExpensiveReads)
            .WithMetadata(new AllowedQueryParameters(new HashSet<string>(FeatureRequest.Parameters, StringComparer.Ordinal)))
            .Offers(ItemsFormats)
            .WithName("OgcItems")
            .WithSummary("Features of a collection")
            .WithDescription("A page of features, filtered by bbox, datetime, a CQL2 filter (cql2-text or cql2-json, over the queryables) and by equality on queryable properties, sorted by sortby, "
                + "with numberMatched, numberReturned and next/prev links. GeoJSON by default; CSV (properties only) and HTML with f=csv or f=html.");
        group.MapGet("/collections/{collectionId}/items/{featureId}", Item).AllowQuery("properties", "simplify", "crs")
            .Offers(ItemFormats)
            .WithName("OgcItem")
            .WithSummary("One feature")
            .WithDescription("A feature by its id (a GSS code for districts, wards and LSOAs). An action's GeoJSON carries the action's own ETag (its version), "
                + "to send in If-Match when replacing, updating or deleting it.");
        group.MapOgcSchemaEndpoints();
        group.MapOgcTileMatrixSetEndpoints();
        group.MapOgcTileEndpoints();
        group.MapOgcTransactionEndpoints();
        return group;
    }

    private static IResult Landing(HttpRequest request)
    {
        var (format, error) = ResponseFormats.Negotiate(request, MetadataFormats, ResponseFormat.Json);
        if (format is null)
        {
            return Problems.NotAcceptable(error!);
        }

        var links = Links.SelfAndAlternates(request, format.Value, MetadataFormats).Concat(
        [
            new Link(Links.Absolute(request, "/openapi/v1.json"), "service-desc", "application/vnd.oai.openapi+json;version=3.0", "The API definition (OpenAPI 3.0)"),
            new Link(Links.Absolute(request, "/docs"), "service-doc", ResponseFormats.HtmlMediaType, "The API documentation"),
            new Link(Links.Absolute(request, "/ogc/conformance"), "conformance", ResponseFormats.JsonMediaType, "Conformance declaration"),
            new Link(Links.Absolute(request, "/ogc/collections"), "data", ResponseFormats.JsonMediaType, "Feature collections"),
            new Link(Links.Absolute(request, "/ogc/tileMatrixSets"), TileMatrixSetEndpoints.TilingSchemesRel, ResponseFormats.JsonMediaType, "Tile matrix sets of the vector tiles"),
            new Link(Links.Absolute(request, "/api/catalog"), "describedby", "application/ld+json", "DCAT catalogue of the datasets"),
        ]).ToList();
        const string title = "DistrictMap data API";
        const string description = "Districts, electoral wards, LSOAs and deprivation as OGC API - Features.";
        if (format == ResponseFormat.Html)
        {
            return new HtmlPage(title).Paragraph(description)
                .LinkList(links.Where(l => l.Rel != "self").Select(l => (l.Href, l.Title ?? l.Rel)))
                .ToResult(DefaultAttribution);
        }

        return TypedResults.Json(new LandingPage(title, description, string.Join(" ", DefaultAttribution), links));
    }

    private static IResult Conformance(HttpRequest request)
    {
        var (format, error) = ResponseFormats.Negotiate(request, MetadataFormats, ResponseFormat.Json);
        return format switch
        {
            null => Problems.NotAcceptable(error!),
            ResponseFormat.Html => new HtmlPage("Conformance").LinkList(ConformanceClasses.Select(c => (c, c))).ToResult(DefaultAttribution),
            _ => TypedResults.Json(new ConformanceDeclaration(ConformanceClasses)),
        };
    }

    private static async Task<IResult> Collections(HttpRequest request, FeatureCollectionRegistry registry, FeatureStore store, ProvenanceStore provenance, CancellationToken cancellationToken)
    {
        var (format, error) = ResponseFormats.Negotiate(request, MetadataFormats, ResponseFormat.Json);
        if (format is null)
        {
            return Problems.NotAcceptable(error!);
        }

        var sources = await provenance.ForKindsAsync(null, cancellationToken);
        var collections = new List<CollectionInfo>();
        foreach (var definition in registry.All)
        {
            collections.Add(await CollectionMetadata.DescribeAsync(request, definition, store, sources, cancellationToken));
        }

        if (format == ResponseFormat.Html)
        {
            return new HtmlPage("Feature collections")
                .Table(
                    "Collections",
                    ["Collection", "Description", "Items"],
                    collections.Select(c => (IReadOnlyList<(string?, string?)>)[(c.Title, Links.Absolute(request, $"/ogc/collections/{c.Id}", QueryString.Create("f", "html"))), (c.Description, null), ("items", Links.Absolute(request, $"/ogc/collections/{c.Id}/items", QueryString.Create("f", "html")))]))
                .ToResult(Attributions(sources));
        }

        return TypedResults.Json(new CollectionsDocument(Links.SelfAndAlternates(request, format.Value, MetadataFormats).ToList(), collections));
    }

    private static async Task<IResult> Collection(string collectionId, HttpRequest request, FeatureCollectionRegistry registry, FeatureStore store, ProvenanceStore provenance, CancellationToken cancellationToken)
    {
        var (format, error) = ResponseFormats.Negotiate(request, MetadataFormats, ResponseFormat.Json);
        if (format is null)
        {
            return Problems.NotAcceptable(error!);
        }

        if (registry.Find(collectionId) is not { } definition)
        {
            return UnknownCollection(collectionId, registry);
        }

        var sources = await provenance.ForKindsAsync(definition.DatasetKinds, cancellationToken);
        var info = await CollectionMetadata.DescribeAsync(request, definition, store, sources, cancellationToken);
        if (format == ResponseFormat.Html)
        {
            return new HtmlPage(info.Title).Paragraph(info.Description)
                .LinkList(info.Links.Where(l => l.Rel is "items" or "license" or "describedby" or "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector").Select(l => (l.Href, l.Title ?? l.Rel)))
                .Table(
                    "Properties",
                    ["Property", "Type", "Description", "Queryable"],
                    definition.Properties.Select(p => (IReadOnlyList<(string?, string?)>)[(p.Name, null), (JsonType(p.Type), null), (p.Description, null), (p.Queryable ? "yes" : "", null)]))
                .ToResult(Attributions(sources));
        }

        return TypedResults.Json(info);
    }

    private static async Task<IResult> Items(
        string collectionId,
        HttpContext http,
        FeatureCollectionRegistry registry,
        FeatureStore store,
        IOptions<FeatureOptions> options,
        CancellationToken cancellationToken)
    {
        var request = http.Request;
        if (registry.Find(collectionId) is not { } definition)
        {
            return UnknownCollection(collectionId, registry);
        }

        var features = FeatureRequest.Parse(request.Query, definition, options.Value);
        var (format, error) = ResponseFormats.Negotiate(request, ItemsFormats, ResponseFormat.GeoJson);
        if (format is null)
        {
            return Problems.NotAcceptable(error!);
        }

        FeaturePage page;
        try
        {
            page = await store.QueryAsync(definition, features, withGeometry: format == ResponseFormat.GeoJson, cancellationToken);
        }
        catch (Npgsql.PostgresException e) when (features.Filter is not null && (e.SqlState.StartsWith("22", StringComparison.Ordinal) || e.SqlState == "XX000"))
        {
            // A filter that parses and type-checks can still ask for what PostGIS cannot compute (a geometry PROJ cannot transform).
            return Problems.BadRequest($"The filter could not be evaluated: {e.MessageText}");
        }

        switch (format)
        {
            case ResponseFormat.Csv:
                return FeatureWriter.Csv(page);
            case ResponseFormat.Html:
                // Provenance (an EF context) only for the HTML page's attribution: GeoJSON, the hot path, needs none.
                var sources = await http.RequestServices.GetRequiredService<ProvenanceStore>().ForKindsAsync(definition.DatasetKinds, cancellationToken);
                return ItemsHtml(request, definition, features, page).ToResult(Attributions(sources));
        }

        var links = Links.SelfAndAlternates(request, ResponseFormat.GeoJson, ItemsFormats).ToList();
        if (features.Offset + page.Features.Count < page.NumberMatched)
        {
            links.Add(new Link(Links.WithQuery(request, ("offset", (features.Offset + features.Limit).ToString(System.Globalization.CultureInfo.InvariantCulture))), "next", ResponseFormats.GeoJsonMediaType, "Next page"));
        }

        if (features.Offset > 0)
        {
            var previous = Math.Max(0, features.Offset - features.Limit);
            links.Add(new Link(Links.WithQuery(request, ("offset", previous == 0 ? null : previous.ToString(System.Globalization.CultureInfo.InvariantCulture))), "prev", ResponseFormats.GeoJsonMediaType, "Previous page"));
        }

        links.Add(new Link(Links.Absolute(request, $"/ogc/collections/{definition.Id}"), "collection", ResponseFormats.JsonMediaType, definition.Title));
        http.Response.Headers["Content-Crs"] = $"<{features.Crs.Uri}>";
        return FeatureWriter.FeatureCollection(page, links, TimeStamp(http));
    }

    internal static async Task<IResult> Item(
        string collectionId,
        string featureId,
        HttpRequest request,
        FeatureCollectionRegistry registry,
        FeatureStore store,
        IOptions<FeatureOptions> options,
        CancellationToken cancellationToken)
    {
        if (registry.Find(collectionId) is not { } definition)
        {
            return UnknownCollection(collectionId, registry);
        }

        if (!definition.IdPattern.IsMatch(featureId))
        {
            // OGC API - Features Part 1 (/req/core/f-op): an id that names no feature is 404, whatever its form.
            return Problems.NotFound($"There is no feature {Text.Shorten(featureId)} in the collection {definition.Id}: its ids are {definition.IdDescription}.");
        }

        var (format, error) = ResponseFormats.Negotiate(request, ItemFormats, ResponseFormat.GeoJson);
        if (format is null)
        {
            return Problems.NotAcceptable(error!);
        }

        var parsed = FeatureRequest.Parse(request.Query, definition with { Properties = [.. definition.Properties.Select(p => p with { Queryable = false })] }, options.Value);
        var found = await store.GetAsync(definition, featureId, parsed.Properties, parsed.SimplifyMetres, withGeometry: format == ResponseFormat.GeoJson, parsed.Crs, cancellationToken);
        if (found.Features is not [var feature])
        {
            return Problems.NotFound($"There is no feature {featureId} in the collection {definition.Id}.");
        }

        if (format == ResponseFormat.Html)
        {
            var sources = await request.HttpContext.RequestServices.GetRequiredService<ProvenanceStore>().ForKindsAsync(definition.DatasetKinds, cancellationToken);
            return new HtmlPage($"{definition.Title}: {featureId}")
                .Table(
                    "Properties",
                    ["Property", "Value"],
                    found.Properties.Select((p, i) => (IReadOnlyList<(string?, string?)>)[(p.Name, null), (CsvText.Cell(feature.Values[i]), null)]))
                .LinkList([(Links.WithQuery(request, ("f", "geojson")), "This feature as GeoJSON"), (Links.Absolute(request, $"/ogc/collections/{definition.Id}/items", QueryString.Create("f", "html")), $"All {definition.Title.ToLowerInvariant()}")])
                .ToResult(Attributions(sources));
        }

        var links = Links.SelfAndAlternates(request, ResponseFormat.GeoJson, ItemFormats)
            .Append(new Link(Links.Absolute(request, $"/ogc/collections/{definition.Id}"), "collection", ResponseFormats.JsonMediaType, definition.Title))
            .ToList();
        request.HttpContext.Response.Headers["Content-Crs"] = $"<{parsed.Crs.Uri}>";
        return FeatureWriter.Feature(found.Properties, feature, links);
    }

    private static HtmlPage ItemsHtml(HttpRequest request, FeatureCollectionDefinition definition, FeatureRequest features, FeaturePage page)
    {
        var html = new HtmlPage(definition.Title)
            .Paragraph($"Features {features.Offset + 1} to {features.Offset + page.Features.Count} of {page.NumberMatched}.");
        var rows = page.Features.Select(feature =>
        {
            var cells = new List<(string?, string?)> { (feature.Id, Links.Absolute(request, $"/ogc/collections/{definition.Id}/items/{feature.Id}", QueryString.Create("f", "html"))) };
            cells.AddRange(feature.Values.Select(v => (CsvText.Cell(v), (string?)null)));
            return (IReadOnlyList<(string?, string?)>)cells;
        }).ToList();
        html.Table(definition.Title, ["id", .. page.Properties.Select(p => p.Name)], rows);
        var navigation = new List<(string, string)>();
        if (features.Offset > 0)
        {
            navigation.Add((Links.WithQuery(request, ("offset", Math.Max(0, features.Offset - features.Limit).ToString(System.Globalization.CultureInfo.InvariantCulture))), "Previous page"));
        }

        if (features.Offset + page.Features.Count < page.NumberMatched)
        {
            navigation.Add((Links.WithQuery(request, ("offset", (features.Offset + features.Limit).ToString(System.Globalization.CultureInfo.InvariantCulture))), "Next page"));
        }

        navigation.Add((Links.WithQuery(request, ("f", "csv")), "Download this page as CSV"));
        navigation.Add((Links.WithQuery(request, ("f", "geojson")), "This page as GeoJSON"));
        return html.LinkList(navigation);
    }

    internal static IResult UnknownCollection(string id, FeatureCollectionRegistry registry) =>
        Problems.NotFound($"There is no collection '{Text.Shorten(id)}'. Collections: {string.Join(", ", registry.All.Select(c => c.Id))}.");

    private static DateTimeOffset TimeStamp(HttpContext http) => http.DataVersion()?.ChangedAt ?? DateTimeOffset.UtcNow;

    internal static string JsonType(PropertyType type) => type switch
    {
        PropertyType.WholeNumber => "integer",
        PropertyType.Number => "number",
        PropertyType.TrueFalse => "boolean",
        _ => "string",
    };

    internal static IReadOnlyList<string> DefaultAttribution => Import.Attribution.Boundaries;

    internal static IEnumerable<string> Attributions(IEnumerable<DatasetSource> sources)
    {
        var lines = sources.Select(s => s.Attribution).Distinct().ToList();
        return lines.Count > 0 ? lines : DefaultAttribution;
    }
}

public sealed record LandingPage(string Title, string Description, string Attribution, IReadOnlyList<Link> Links);

public sealed record ConformanceDeclaration(IReadOnlyList<string> ConformsTo);

public sealed record CollectionsDocument(IReadOnlyList<Link> Links, IReadOnlyList<CollectionInfo> Collections);
