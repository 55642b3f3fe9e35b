using System.Globalization;
using DistrictMap.Api.Http;

namespace DistrictMap.Api.Tiles;

/// <summary>A tile of the XYZ (Google, OSM) scheme on Web Mercator: zoom, column from the west, row from the north.</summary>
public sealed record TileAddress(int Z, int X, int Y)
{
    /// <summary>The deepest zoom served. Beyond <see cref="AdvertisedMaxZoom"/> tiles only add precision clients can overzoom.</summary>
    public const int MaxZoom = 22;

    /// <summary>The maximum zoom TileJSON documents announce.</summary>
    public const int AdvertisedMaxZoom = 16;

    /// <summary>Reads z, x and y as the path gives them; throws <see cref="BadRequestException"/> saying what is allowed.</summary>
    public static TileAddress Parse(string z, string x, string y)
    {
        var zoom = Whole("z", z, MaxZoom, "from 0 to 22");
        var last = (1 << zoom) - 1;
        var range = $"from 0 to {last} at zoom {zoom}";
        return new TileAddress(zoom, Whole("x", x, last, range), Whole("y", y, last, range));
    }

    private static int Whole(string name, string text, int max, string range) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max
            ? value
            : throw new BadRequestException($"Tile {name} '{Text.Shorten(text)}' must be a whole number {range} (XYZ scheme: x from the west, y from the north).");
}
