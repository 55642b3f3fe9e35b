using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DistrictMap.Api.Infrastructure.Database.Migrations
{
    /// <inheritdoc />
    public partial class RealPlacesAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:postgis", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "green_space_sources",
                columns: table => new
                {
                    dataset_id = table.Column<int>(type: "integer", nullable: false),
                    source_id = table.Column<string>(type: "text", nullable: false),
                    green_space_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_green_space_sources", x => new { x.dataset_id, x.source_id });
                    table.ForeignKey(
                        name: "fk_green_space_sources_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_green_space_sources_green_spaces_green_space_id",
                        column: x => x.green_space_id,
                        principalTable: "green_spaces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "place_names",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    source_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    search_name = table.Column<string>(type: "text", nullable: false),
                    local_type = table.Column<string>(type: "text", nullable: false),
                    district_code = table.Column<string>(type: "text", nullable: true),
                    geom = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    dataset_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_place_names", x => x.id);
                    table.ForeignKey(
                        name: "fk_place_names_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "postcodes",
                columns: table => new
                {
                    code = table.Column<string>(type: "text", nullable: false),
                    compact = table.Column<string>(type: "text", nullable: false),
                    district_code = table.Column<string>(type: "text", nullable: true),
                    ward_code = table.Column<string>(type: "text", nullable: true),
                    lsoa_code = table.Column<string>(type: "text", nullable: true),
                    geom = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    dataset_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_postcodes", x => x.code);
                    table.ForeignKey(
                        name: "fk_postcodes_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_green_space_sources_green_space_id",
                table: "green_space_sources",
                column: "green_space_id");

            migrationBuilder.CreateIndex(
                name: "ix_place_names_dataset_id_source_id",
                table: "place_names",
                columns: new[] { "dataset_id", "source_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_place_names_district_code",
                table: "place_names",
                column: "district_code");

            migrationBuilder.CreateIndex(
                name: "ix_place_names_geom",
                table: "place_names",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_place_names_search_name",
                table: "place_names",
                column: "search_name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_postcodes_compact",
                table: "postcodes",
                column: "compact",
                unique: true)
                .Annotation("Npgsql:IndexOperators", new[] { "text_pattern_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_postcodes_dataset_id",
                table: "postcodes",
                column: "dataset_id");

            migrationBuilder.CreateIndex(
                name: "ix_postcodes_district_code",
                table: "postcodes",
                column: "district_code");

            migrationBuilder.CreateIndex(
                name: "ix_postcodes_geom",
                table: "postcodes",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "green_space_sources");

            migrationBuilder.DropTable(
                name: "place_names");

            migrationBuilder.DropTable(
                name: "postcodes");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .OldAnnotation("Npgsql:PostgresExtension:postgis", ",,");
        }
    }
}
