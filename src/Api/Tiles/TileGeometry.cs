using System.Globalization;

namespace DistrictMap.Api.Tiles;

/// <summary>
/// A collection's geometry as the database already holds it in Web Mercator, so that a tile projects no row: the
/// table's generated columns <c>geom_3857</c> (ST_Transform of <c>geom</c>, with a GiST index that tiles search) and, for
/// lines and areas, <c>geom_3857_zN</c> for each of <see cref="Bands"/> (that geometry simplified by
/// <see cref="Tolerance"/> of the band's deepest zoom N). PostgreSQL computes generated columns in the statement that
/// writes <c>geom</c>, so they can never lag behind the data, whatever writes it. Collections whose geometry is computed
/// (such as the plan's actions) declare none, and their tiles project and simplify each feature as it is read.
/// </summary>
/// <param name="Alias">The alias, in the collection's FROM clause, of the table holding the columns.</param>
/// <param name="Simplified">Whether the table holds the simplified bands (lines and areas; points need none).</param>
public sealed record TileGeometry(string Alias, bool Simplified)
{
    /// <summary>The deepest zoom of each simplified band, shallowest first; zooms deeper than the last use the full geometry.</summary>
    public static readonly IReadOnlyList<int> Bands = [5, 7, 9, 11];

    /// <summary>The Web Mercator circumference at the equator, metres.</summary>
    private const double Circumference = 2 * Math.PI * 6378137;

    /// <summary>Lines and areas, with simplified bands.</summary>
    public static TileGeometry WithBands(string alias) => new(alias, true);

    /// <summary>Points: only the projected geometry.</summary>
    public static TileGeometry Points(string alias) => new(alias, false);

    /// <summary>
    /// Half a tile unit at the zoom, in Web Mercator metres: a geometry simplified by it is never more than half a unit
    /// from the original at that zoom or any shallower one, less than ST_AsMVTGeom's own rounding to whole units.
    /// </summary>
    public static double Tolerance(int zoom) => Circumference / (1L << zoom) / TileStore.Extent / 2;

    /// <summary>The band serving a zoom: the deepest zoom of its band, or null when the full geometry serves it.</summary>
    public static int? BandOf(int zoom) => Bands.Cast<int?>().FirstOrDefault(band => zoom <= band);

    /// <summary>The column holding the geometry in Web Mercator, with the GiST index tiles search.</summary>
    public string Search => $"{Alias}.{Column}";

    /// <summary>The column a tile of the zoom draws from: its band when the table holds bands, else the full projected geometry.</summary>
    public string For(int zoom) => Simplified && BandOf(zoom) is { } band ? $"{Alias}.{BandColumn(band)}" : Search;

    /// <summary>The name of the full projected column.</summary>
    public const string Column = "geom_3857";

    /// <summary>The name of a band's column.</summary>
    public static string BandColumn(int band) => $"{Column}_z{band.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The SQL that computes a band's column from <c>geom</c> (what the migration declares).</summary>
    public static string BandExpression(int band) =>
        $"ST_Simplify(ST_Transform(geom, 3857), {Tolerance(band).ToString("R", CultureInfo.InvariantCulture)}, true)";
}
