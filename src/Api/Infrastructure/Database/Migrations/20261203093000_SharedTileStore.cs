using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DistrictMap.Api.Infrastructure.Database.Migrations
{
    /// <summary>
    /// The shared tile store (see Tiles/SharedTileStore.cs): a cache, so UNLOGGED (no WAL, emptied after a crash, not
    /// replicated), with no EF entity, so the model snapshot does not change. Tiles are stored uncompressed (STORAGE
    /// EXTERNAL): they are read far more often than written, and gzip or Brotli is applied to the response anyway.
    /// </summary>
    [DbContext(typeof(DistrictMapDbContext))]
    [Migration("20261203093000_SharedTileStore")]
    public partial class SharedTileStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE UNLOGGED TABLE tile_store (
                    version bigint NOT NULL,
                    collection text NOT NULL,
                    z smallint NOT NULL,
                    x integer NOT NULL,
                    y integer NOT NULL,
                    tile bytea NOT NULL,
                    built_at timestamp with time zone NOT NULL DEFAULT now(),
                    CONSTRAINT pk_tile_store PRIMARY KEY (version, collection, z, x, y)
                );
                ALTER TABLE tile_store ALTER COLUMN tile SET STORAGE EXTERNAL;
                COMMENT ON TABLE tile_store IS 'Vector tiles built, by data version; a cache that the API rebuilds on demand';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS tile_store;");
        }
    }
}
