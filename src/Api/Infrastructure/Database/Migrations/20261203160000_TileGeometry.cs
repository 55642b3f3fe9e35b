using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DistrictMap.Api.Infrastructure.Database.Migrations
{
    /// <summary>
    /// Geometry kept in Web Mercator for the vector tiles (see Tiles/TileGeometry.cs), so that no tile projects a row:
    /// generated columns, which PostgreSQL computes in the very statement that writes <c>geom</c> (an import, a re-import,
    /// an edit), so they never lag the data. <c>geom_3857</c> is the projected geometry, with the GiST index tiles search;
    /// lines and areas also hold it simplified for four zoom bands, each by half a tile unit (4096 a tile) at the band's
    /// deepest zoom: z5 152.87 m, z7 38.22 m, z9 9.55 m, z11 2.39 m. No EF entity maps them, so the model does not change.
    /// </summary>
    [DbContext(typeof(DistrictMapDbContext))]
    [Migration("20261203160000_TileGeometry")]
    public partial class TileGeometry : Migration
    {
        private static readonly string[] Banded = ["districts", "wards", "lsoas", "routes", "green_spaces", "town_centre_projects"];
        private static readonly string[] Points = ["recycling_sites", "activities"];

        private static readonly (string Column, string Tolerance)[] Bands =
        [
            ("geom_3857_z5", "152.8740565703525"),
            ("geom_3857_z7", "38.21851414258813"),
            ("geom_3857_z9", "9.554628535647032"),
            ("geom_3857_z11", "2.388657133911758"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Banded.Concat(Points))
            {
                var bands = Banded.Contains(table)
                    ? string.Concat(Bands.Select(b => $",\n    ADD COLUMN {b.Column} geometry GENERATED ALWAYS AS (ST_Simplify(ST_Transform(geom, 3857), {b.Tolerance}, true)) STORED"))
                    : "";
                migrationBuilder.Sql($"""
                    ALTER TABLE {table}
                        ADD COLUMN geom_3857 geometry GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED{bands};
                    CREATE INDEX ix_{table}_geom_3857 ON {table} USING gist (geom_3857);
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Banded.Concat(Points))
            {
                var bands = Banded.Contains(table) ? string.Concat(Bands.Select(b => $", DROP COLUMN IF EXISTS {b.Column}")) : "";
                migrationBuilder.Sql($"ALTER TABLE {table} DROP COLUMN IF EXISTS geom_3857{bands};");
            }
        }
    }
}
