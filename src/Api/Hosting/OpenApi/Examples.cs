using System.Text.Json.Nodes;

namespace DistrictMap.Api.Hosting.OpenApi;

/// <summary>An example response for every operation, shortened, as Swagger UI shows it.</summary>
internal static class Examples
{
    private const string FeatureCollection = """
        {"type":"FeatureCollection","numberMatched":26,"numberReturned":1,"timeStamp":"2026-11-26T17:38:54Z",
         "links":[{"href":"http://127.0.0.1:5080/ogc/collections/wards/items?limit=1&offset=1","rel":"next","type":"application/geo+json","title":"Next page"}],
         "features":[{"type":"Feature","id":"E05005031","geometry":{"type":"MultiPolygon","coordinates":[[[[0.17664,51.39565],[0.15922,51.40496],[0.14896,51.40862],[0.17664,51.39565]]]]},
           "properties":{"code":"E05005031","name":"Swanley St Mary's","district":"E07000111","imd_score":30.938,"imd_rank_in_district":1}}]}
        """;

    private const string Feature = """
        {"type":"Feature","id":"E05005031","geometry":{"type":"MultiPolygon","coordinates":[[[[0.17664,51.39565],[0.15922,51.40496],[0.14896,51.40862],[0.17664,51.39565]]]]},
         "properties":{"code":"E05005031","name":"Swanley St Mary's","imd_score":30.938}}
        """;

    private static readonly Dictionary<string, string> ByOperation = new()
    {
        ["OgcLanding"] = """{"title":"DistrictMap data API","description":"Districts, electoral wards, LSOAs and deprivation as OGC API - Features.","attribution":"Source: Office for National Statistics licensed under the Open Government Licence v.3.0.","links":[{"href":"http://127.0.0.1:5080/ogc/collections","rel":"data","type":"application/json","title":"Feature collections"}]}""",
        ["OgcConformance"] = """{"conformsTo":["http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core","http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson"]}""",
        ["OgcCollections"] = """{"links":[],"collections":[{"id":"wards","title":"Electoral wards","description":"Electoral wards with their deprivation summary.","keywords":["electoral wards"],"extent":{"spatial":{"bbox":[[0.033599,51.124,0.278,51.4]],"crs":"http://www.opengis.net/def/crs/OGC/1.3/CRS84"}},"itemType":"feature","crs":["http://www.opengis.net/def/crs/OGC/1.3/CRS84"],"links":[]}]}""",
        ["OgcCollection"] = """{"id":"wards","title":"Electoral wards","description":"Electoral wards with their deprivation summary.","keywords":["electoral wards"],"itemType":"feature","crs":["http://www.opengis.net/def/crs/OGC/1.3/CRS84"],"links":[{"href":"http://127.0.0.1:5080/ogc/collections/wards/items","rel":"items","type":"application/geo+json"}]}""",
        ["OgcQueryables"] = """{"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","title":"Electoral wards","properties":{"district":{"title":"district","description":"GSS code of the ward's district","type":"string"}}}""",
        ["OgcItems"] = FeatureCollection,
        ["ListTileSets"] = """{"collections":[{"id":"wards","title":"Electoral wards","tileJson":"http://127.0.0.1:5080/tiles/wards","tiles":"http://127.0.0.1:5080/tiles/wards/{z}/{x}/{y}.mvt"}]}""",
        ["GetTileJson"] = """{"tilejson":"3.0.0","name":"Electoral wards","description":"Electoral wards with their deprivation summary.","attribution":"Source: Office for National Statistics licensed under the Open Government Licence v.3.0.","scheme":"xyz","tiles":["http://127.0.0.1:5080/tiles/wards/{z}/{x}/{y}.mvt"],"minzoom":0,"maxzoom":16,"bounds":[0.032,51.146,0.32,51.418],"center":[0.176,51.282,10],"vector_layers":[{"id":"wards","description":"Electoral wards","minzoom":0,"maxzoom":16,"fields":{"id":"String","code":"String","name":"String","imd_score":"Number"}}]}""",
        ["GetTile"] = "\"(binary: a Mapbox Vector Tile with one layer named after the collection)\"",
        ["OgcItem"] = Feature,
        ["ListWards"] = """{"district":"E07000111","release":"IoD2019","method":"http://127.0.0.1:5080/api/methods/ward-deprivation","wards":[{"code":"E05005031","name":"Swanley St Mary's","district":"E07000111","areaKm2":1.098,"release":"IoD2019","population":4468,"imdScore":30.938,"imdRankInDistrict":1,"districtWardCount":26,"imdWorstDecile":2,"lsoasInMostDeprived10":0,"lsoasInMostDeprived20":2,"lsoasInMostDeprived30":2,"populationShareInMostDeprived10":0,"populationShareInMostDeprived20":0.6752,"populationShareInMostDeprived30":0.6752}]}""",
        ["RankWards"] = """{"district":"E07000111","release":"IoD2019","by":"imd","method":"http://127.0.0.1:5080/api/methods/ward-deprivation","wards":[{"rank":1,"code":"E05005031","name":"Swanley St Mary's","score":30.938,"transformedScore":null,"rankBasis":"score","worstDecile":2,"lsoasInMostDeprived10":0,"lsoasInMostDeprived20":2,"lsoasInMostDeprived30":2,"population":4468,"populationShareInMostDeprived30":0.6752,"routeLengthWalkingM":1840.2,"routeLengthCyclingM":950.6,"routeLengthSharedM":0,"greenSpaceAreaM2":61250,"greenSpaceM2Per1000":13708.8,"populationShareWithin400m":0.6752,"populationShareWithin1km":1,"projects":1,"activities":2,"recyclingSites":1}]}""",
        ["GetWard"] = """{"code":"E05005031","name":"Swanley St Mary's","district":{"code":"E07000111","name":"Sevenoaks"},"areaKm2":1.098,"release":"IoD2019","method":"http://127.0.0.1:5080/api/methods/ward-deprivation","summary":{"code":"E05005031","name":"Swanley St Mary's","district":"E07000111","areaKm2":1.098,"release":"IoD2019","population":4468,"imdScore":30.938,"imdRankInDistrict":1},"domains":[{"domain":"imd","score":30.938,"transformedScore":null,"districtRank":1,"districtWardCount":26,"rankBasis":"score","worstDecile":2,"lsoasInMostDeprived10":0,"lsoasInMostDeprived20":2,"lsoasInMostDeprived30":2}],"lsoas":[{"code":"E01024476","name":"Sevenoaks 002A","vintage":2011,"assignment":"best-fit","overlapShare":null,"imdScore":39.361,"imdRank":4465,"imdDecile":2,"population":1557}],"neighbours":[{"code":"E05005032","name":"Swanley White Oak"}],"links":[],"places":{"routeLengthM":{"walking":1840.2,"cycling":950.6,"shared":0},"greenSpaceAreaM2":61250,"greenSpaceM2Per1000":13708.8,"populationShareWithin400m":0.6752,"populationShareWithin1km":1,"projects":1,"activities":2,"recyclingSites":1}}""",
        ["ListLsoas"] = """{"district":null,"ward":"E05005031","lsoas":[{"code":"E01024476","name":"Sevenoaks 002A","vintage":2011,"district":"E07000111","ward":"E05005031","wardAssignment":"best-fit","release":"IoD2019","imdScore":39.361,"imdRank":4465,"imdDecile":2,"population":1557}]}""",
        ["GetLsoa"] = """{"code":"E01024476","name":"Sevenoaks 002A","vintage":2011,"district":"E07000111","areaKm2":0.351,"ward":{"code":"E05005031","name":"Swanley St Mary's","assignment":"best-fit","overlapShare":null},"deprivation":[{"release":"IoD2019","domain":"imd","score":39.361,"rank":4465,"decile":2,"transformedScore":null}],"population":[{"release":"IoD2019","total":1557,"children0To15":null,"aged16To59":null,"aged60AndOver":null,"workingAge":null}],"links":[]}""",
        ["GetDistrict"] = """{"code":"E07000111","name":"Sevenoaks","areaKm2":369.87,"wardCount":26,"lsoaCount":74,"population":118165,"deprivation":{"release":"IoD2019","lsoaCount":74,"imdScore":12.437,"worstDecile":2,"lsoasInMostDeprived10":0,"lsoasInMostDeprived20":2,"lsoasInMostDeprived30":4,"populationShareInMostDeprived30":0.0537,"mostDeprivedWards":[],"method":"http://127.0.0.1:5080/api/methods/ward-deprivation"},"wards":[{"code":"E05005031","name":"Swanley St Mary's","href":"http://127.0.0.1:5080/api/wards/E05005031"}],"sources":[],"links":[]}""",
        ["Locate"] = """{"lon":0.17,"lat":51.4,"district":{"code":"E07000111","name":"Sevenoaks"},"ward":{"code":"E05005032","name":"Swanley White Oak"},"lsoa":{"code":"E01024480","name":"Sevenoaks 002D"}}""",
        ["GetCatalog"] = """{"@context":{"dcat":"http://www.w3.org/ns/dcat#","dct":"http://purl.org/dc/terms/"},"@id":"http://127.0.0.1:5080/api/catalog","@type":"dcat:Catalog","dct:title":"DistrictMap datasets","dcat:dataset":[{"@type":"dcat:Dataset","dct:identifier":"wards:E07000111","dct:title":"Wards (May 2023) Boundaries","dct:license":{"@id":"https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"},"dcat:distribution":[{"@type":"dcat:Distribution","dcat:accessURL":{"@id":"http://127.0.0.1:5080/ogc/collections/wards"}}]}]}""",
        ["GetWardDeprivationMethod"] = "\"# Ward deprivation: how DistrictMap derives it\\n...\"",
        ["ListPriorities"] = """{"priorities":[{"code":"people","title":"People","description":"Community spirit and wellbeing.","sample":true}]}""",
        ["ListPartners"] = """{"partners":[{"id":8,"name":"Sample Volunteer Centre","sector":"voluntary","website":null,"sample":true}]}""",
        ["ListActions"] = $$"""{"actions":[{{Action}}]}""",
        ["GetAction"] = Action,
        ["CreateAction"] = Action,
        ["ReplaceAction"] = Action,
        ["AddActionUpdate"] = Action,
        ["ListIndicators"] = """{"indicators":[{"code":"SAMPLE-VOLUNTEER","title":"Residents volunteering at least once a month (sample)","unit":"%","polarity":"higher-is-better","geography":"ward","source":"Sample values written for DistrictMap; not real data","licence":"Sample content","sample":true}]}""",
        ["ListIndicatorValues"] = """{"indicator":{"code":"SAMPLE-VOLUNTEER","title":"Residents volunteering at least once a month (sample)","unit":"%","polarity":"higher-is-better","geography":"ward","source":"Sample","licence":"Sample content","sample":true},"values":[{"area":"E05005031","areaName":"Swanley St Mary's","period":"2026-Q3","value":18,"target":20,"note":"Sample value","districtValue":21.8,"sample":true}]}""",
        ["PostIndicatorValues"] = """{"received":3,"written":3}""",
        ["ListFocusWards"] = """{"district":"E07000111","release":"IoD2019","rule":{"maxDecile":3,"districtFraction":0.2,"description":"A ward is a focus ward when ..."},"wards":[{"code":"E05005031","name":"Swanley St Mary's","imdScore":30.938,"districtRank":1,"reasons":["Contains 2 LSOAs in national IMD deciles 1-3 (IoD2019)."]}]}""",
        ["ListGaps"] = """{"district":"E07000111","release":"IoD2019","rule":"A ward is a focus ward when ...","underserved":"A focus ward is underserved when ...","recentSince":"2026-Q3","wards":[{"code":"E05005031","name":"Swanley St Mary's","imdScore":30.938,"districtRank":1,"focus":true,"focusReasons":["Contains 2 LSOAs in national IMD deciles 1-3 (IoD2019)."],"actions":12,"districtWideActions":3,"partners":10,"recentUpdates":7,"underserved":false}]}""",
        ["GetMonitoring"] = """{"quarter":"2026-Q3","district":"E07000111","byPriority":[{"priority":"people","green":4,"amber":3,"red":1,"none":1,"actions":[]}],"atRisk":[{"id":4,"title":"Sample: befriending for older residents","priority":"people","leadPartner":"Sample Health and Care Partnership","status":"in-progress","rag":"red","reportedQuarter":"2026-Q3","due":"2026-06-30","sample":true}],"overdue":[],"indicatorsOffTrack":[{"code":"SAMPLE-LONELY","title":"Residents who often feel lonely (sample)","unit":"%","polarity":"lower-is-better","area":"E05005031","areaName":"Swanley St Mary's","period":"2026-Q3","value":14,"previousPeriod":"2026-Q2","previousValue":13.4,"target":9,"reasons":["Moving the wrong way: 13.4 in 2026-Q2, 14 in 2026-Q3 (lower-is-better)."],"sample":true}]}""",
        ["Search"] = """{"query":"ZZ1 1","interpretedAs":"partial-postcode","postcodes":{"loaded":true,"note":null},"names":{"loaded":true,"note":null},"results":[{"kind":"postcode-area","name":"ZZ1 1","type":"3 postcodes","lon":0.061667,"lat":51.060667,"ward":{"code":"E05999901","name":"Synthetic Ward A"},"district":{"code":"E07999999","name":"Synthetic District"},"score":1,"href":"http://127.0.0.1:5080/api/nearby?lon=0.061667&lat=51.060667"},{"kind":"postcode","name":"ZZ1 1AA","type":"postcode","lon":0.05,"lat":51.05,"ward":{"code":"E05999901","name":"Synthetic Ward A"},"district":{"code":"E07999999","name":"Synthetic District"},"score":0.9,"href":"http://127.0.0.1:5080/api/nearby?lon=0.05&lat=51.05"}]}""",
        ["Nearby"] = """{"lon":0.1712,"lat":51.3985,"radius":2000,"district":{"code":"E07000111","name":"Sevenoaks"},"ward":{"code":"E05005032","name":"Swanley White Oak","focus":null},"lsoa":{"code":"E01024480","name":"Sevenoaks 002D"},"features":[{"kind":"green-spaces","id":"3","name":"Sample park, Swanley","distanceMetres":212.4,"sample":true,"properties":{"type":"park","access":"public","areaM2":41250},"href":"http://127.0.0.1:5080/ogc/collections/green-spaces/items/3"},{"kind":"recycling-sites","id":"5","name":"Sample recycling point, Swanley","distanceMetres":388.0,"sample":true,"properties":{"materials":["glass","paper"],"opening":"Sample: open at all times"},"href":"http://127.0.0.1:5080/ogc/collections/recycling-sites/items/5"}]}""",
    };

    private const string Action = """
        {"id":1,"reference":"S01","district":"E07000111","title":"Sample: neighbourhood volunteering hub","description":"Sample action.","priority":"people",
         "leadPartner":{"id":8,"name":"Sample Volunteer Centre"},"supportingPartners":[{"id":1,"name":"Sample District Council"}],"status":"in-progress","rag":"green",
         "start":"2025-04-01","due":"2027-03-31","districtWide":false,"wards":[{"code":"E05005031","name":"Swanley St Mary's"}],"tags":["volunteering"],
         "indicators":["SAMPLE-VOLUNTEER"],"sample":true,"location":{"type":"Point","coordinates":[0.1735,51.3978]}}
        """;

    public static JsonNode? For(string? operationId) =>
        operationId is not null && ByOperation.TryGetValue(operationId, out var json) ? JsonNode.Parse(json) : OgcExamples.For(operationId);

    private const string NearbyFeatures = """
        {"type":"FeatureCollection","features":[{"type":"Feature","id":"green-spaces/3","geometry":{"type":"MultiPolygon","coordinates":[[[[0.168,51.396],[0.171,51.396],[0.171,51.398],[0.168,51.396]]]]},
          "properties":{"kind":"green-spaces","id":"3","name":"Sample park, Swanley","distanceMetres":212.4,"sample":true,"properties":{"type":"park","access":"public","areaM2":41250}}}]}
        """;

    public static JsonNode GeoJsonFor(string? operationId) =>
        JsonNode.Parse(operationId switch
        {
            "GetWard" or "GetLsoa" or "OgcItem" => Feature,
            "Nearby" => NearbyFeatures,
            _ => FeatureCollection,
        })!;

    public const string Csv = "code,name,district,imdScore\nE05005031,Swanley St Mary's,E07000111,30.938\n";
}
