using System.Globalization;
using DistrictMap.Api.Http;

namespace DistrictMap.Api.Ogc;

/// <summary>
/// The tile matrix sets the OGC API - Tiles resources use, /ogc/tileMatrixSets and /ogc/tileMatrixSets/{tileMatrixSetId},
/// in the JSON encoding of the OGC 2D Tile Matrix Set standard 2.0 and in HTML.
/// </summary>
public static class TileMatrixSetEndpoints
{
    public const string TilingSchemeRel = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
    public const string TilingSchemesRel = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes";

    private static readonly ResponseFormat[] Formats = [ResponseFormat.Json, ResponseFormat.Html];

    /// <summary>The path of a tile matrix set's definition.</summary>
    public static string Path(string tileMatrixSetId) => $"/ogc/tileMatrixSets/{tileMatrixSetId}";

    public static RouteGroupBuilder MapOgcTileMatrixSetEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/tileMatrixSets", List).AllowQuery().Offers(Formats).Produces<TileMatrixSets>()
            .WithTags("OGC API - Tiles")
            .WithName("OgcTileMatrixSets")
            .WithSummary("Tile matrix sets")
            .WithDescription("The tile matrix sets the tiles are defined on (OGC API - Tiles): WebMercatorQuad, the grid of XYZ web map tiles.");
        group.MapGet("/tileMatrixSets/{tileMatrixSetId}", Definition).AllowQuery().Offers(Formats).Produces<TileMatrixSet>()
            .WithTags("OGC API - Tiles")
            .WithName("OgcTileMatrixSet")
            .WithSummary("A tile matrix set")
            .WithDescription("The definition of a tile matrix set in the JSON encoding of the OGC 2D Tile Matrix Set standard 2.0: its CRS, "
                + $"bounding box and every tile matrix (0 to {WebMercatorQuad.DeepestMatrix}) with its scale denominator, cell size, origin and size in tiles.");
        return group;
    }

    /// <summary>Whether an id names a tile matrix set this API serves; only WebMercatorQuad.</summary>
    public static bool Known(string tileMatrixSetId) => tileMatrixSetId == WebMercatorQuad.Id;

    public static IResult Unknown(string tileMatrixSetId) =>
        Problems.NotFound($"There is no tile matrix set '{Text.Shorten(tileMatrixSetId)}'. Tile matrix sets: {WebMercatorQuad.Id}.");

    private static IResult List(HttpRequest request)
    {
        var (format, error) = ResponseFormats.Negotiate(request, Formats, ResponseFormat.Json);
        if (format is null)
        {
            return Problems.NotAcceptable(error!);
        }

        var href = Links.Absolute(request, Path(WebMercatorQuad.Id));
        if (format == ResponseFormat.Html)
        {
            return new HtmlPage("Tile matrix sets")
                .Table(
                    "Tile matrix sets",
                    ["Tile matrix set", "Title", "CRS"],
                    [[(WebMercatorQuad.Id, Links.Absolute(request, Path(WebMercatorQuad.Id), QueryString.Create("f", "html"))), (WebMercatorQuad.Title, null), (WebMercatorQuad.Crs, null)]])
                .ToResult(OgcEndpoints.DefaultAttribution);
        }

        return TypedResults.Json(new TileMatrixSets(
            [.. Links.SelfAndAlternates(request, format.Value, Formats)],
            [new TileMatrixSetRef(
                WebMercatorQuad.Id,
                WebMercatorQuad.Title,
                WebMercatorQuad.Uri,
                WebMercatorQuad.Crs,
                [new Link(href, "self", ResponseFormats.JsonMediaType, WebMercatorQuad.Title), new Link(href, TilingSchemeRel, ResponseFormats.JsonMediaType, WebMercatorQuad.Title)])]));
    }

    private static IResult Definition(string tileMatrixSetId, HttpRequest request)
    {
        var (format, error) = ResponseFormats.Negotiate(request, Formats, ResponseFormat.Json);
        if (format is null)
        {
            return Problems.NotAcceptable(error!);
        }

        if (!Known(tileMatrixSetId))
        {
            return Unknown(tileMatrixSetId);
        }

        var definition = WebMercatorQuad.Definition();
        if (format == ResponseFormat.Json)
        {
            return TypedResults.Json(definition);
        }

        return new HtmlPage(definition.Title)
            .Paragraph(definition.Description)
            .LinkList([(Links.WithQuery(request, ("f", "json")), "This tile matrix set as JSON"), (definition.Uri, "Its registered definition")])
            .Table(
                "Tile matrices",
                ["Tile matrix", "Scale denominator", "Cell size (m)", "Tiles across", "Tiles down"],
                definition.TileMatrices.Select(m => (IReadOnlyList<(string?, string?)>)[
                    (m.Id, null),
                    (m.ScaleDenominator.ToString("0.###", CultureInfo.InvariantCulture), null),
                    (m.CellSize.ToString("0.######", CultureInfo.InvariantCulture), null),
                    (m.MatrixWidth.ToString(CultureInfo.InvariantCulture), null),
                    (m.MatrixHeight.ToString(CultureInfo.InvariantCulture), null)]))
            .ToResult(OgcEndpoints.DefaultAttribution);
    }
}
