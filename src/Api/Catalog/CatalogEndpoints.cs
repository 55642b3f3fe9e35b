using DistrictMap.Api.Datasets;
using DistrictMap.Api.Features;
using DistrictMap.Api.Http;

namespace DistrictMap.Api.Catalog;

/// <summary>/api/catalog: the datasets as a DCAT-3 catalogue in JSON-LD, with their licences and distributions.</summary>
public static class CatalogEndpoints
{
    public const string MediaType = "application/ld+json";

    private static readonly Dictionary<string, string> Context = new()
    {
        ["dcat"] = "http://www.w3.org/ns/dcat#",
        ["dct"] = "http://purl.org/dc/terms/",
        ["rdfs"] = "http://www.w3.org/2000/01/rdf-schema#",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
    };

    public static RouteGroupBuilder MapCatalogEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/catalog", Get).AllowQuery()
            .WithTags("Catalogue")
            .WithName("GetCatalog")
            .WithSummary("DCAT catalogue of the datasets")
            .WithDescription("Every loaded dataset as a DCAT-3 dcat:Dataset in JSON-LD: title, source, licence, attribution (dct:rights), "
                + "vintage (dcat:version), import time, and its distributions (the OGC API collection, GeoJSON and CSV).")
            .Produces<object>(StatusCodes.Status200OK, MediaType);
        return api;
    }

    private static async Task<IResult> Get(HttpRequest request, ProvenanceStore provenance, FeatureCollectionRegistry collections, CancellationToken cancellationToken)
    {
        var catalogUrl = Links.Absolute(request, "/api/catalog");
        var sources = await provenance.ForKindsAsync(null, cancellationToken);
        var datasets = sources.Select(source => new Dictionary<string, object?>
        {
            ["@id"] = $"{catalogUrl}#{Uri.EscapeDataString(source.Key)}",
            ["@type"] = "dcat:Dataset",
            ["dct:identifier"] = source.Key,
            ["dct:title"] = source.Title,
            ["dct:source"] = source.Source,
            ["dct:license"] = source.LicenceUrl is null ? source.Licence : new Dictionary<string, string> { ["@id"] = source.LicenceUrl },
            ["dct:rights"] = new Dictionary<string, string> { ["@type"] = "dct:RightsStatement", ["rdfs:label"] = source.Attribution },
            ["dcat:version"] = source.Vintage,
            ["dct:modified"] = DateTime(source.ImportedAt),
            ["dcat:keyword"] = collections.All.Where(c => c.DatasetKinds.Contains(source.Kind)).SelectMany(c => c.Keywords).Distinct().ToList(),
            ["dcat:distribution"] = collections.All.Where(c => c.DatasetKinds.Contains(source.Kind))
                .SelectMany(c => Distributions(request, c))
                .ToList(),
        }).ToList();
        var document = new Dictionary<string, object?>
        {
            ["@context"] = Context,
            ["@id"] = catalogUrl,
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = "DistrictMap datasets",
            ["dct:description"] = "Boundaries, LSOA-to-ward lookups and the English Indices of Deprivation loaded into this DistrictMap service.",
            ["dct:modified"] = sources.Count == 0 ? null : DateTime(sources.Max(s => s.ImportedAt)),
            ["dcat:dataset"] = datasets,
        };
        return TypedResults.Json(document, contentType: MediaType);
    }

    private static IEnumerable<Dictionary<string, object>> Distributions(HttpRequest request, FeatureCollectionDefinition collection)
    {
        var path = $"/ogc/collections/{collection.Id}";
        yield return Distribution($"{collection.Title}: OGC API - Features collection", Links.Absolute(request, path), ResponseFormats.JsonMediaType);
        yield return Distribution($"{collection.Title}: GeoJSON", Links.Absolute(request, $"{path}/items", QueryString.Create("f", "geojson")), ResponseFormats.GeoJsonMediaType);
        yield return Distribution($"{collection.Title}: CSV", Links.Absolute(request, $"{path}/items", QueryString.Create("f", "csv")), ResponseFormats.CsvMediaType);
    }

    private static Dictionary<string, object> Distribution(string title, string url, string mediaType) => new()
    {
        ["@type"] = "dcat:Distribution",
        ["dct:title"] = title,
        ["dcat:accessURL"] = new Dictionary<string, string> { ["@id"] = url },
        ["dcat:mediaType"] = new Dictionary<string, string> { ["@id"] = $"https://www.iana.org/assignments/media-types/{mediaType}" },
    };

    private static Dictionary<string, string> DateTime(DateTimeOffset value) => new()
    {
        ["@value"] = value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        ["@type"] = "xsd:dateTime",
    };
}
