using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DistrictMap.Api.Infrastructure.Database.Migrations
{
    /// <inheritdoc />
    public partial class Places : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activities",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    type = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    schedule = table.Column<string>(type: "text", nullable: true),
                    hours_needed = table.Column<double>(type: "double precision", nullable: true),
                    contact = table.Column<string>(type: "text", nullable: true),
                    geom = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    source_id = table.Column<string>(type: "text", nullable: false),
                    sample = table.Column<bool>(type: "boolean", nullable: false),
                    district_code = table.Column<string>(type: "text", nullable: true),
                    dataset_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activities", x => x.id);
                    table.CheckConstraint("ck_activities_hours_needed", "hours_needed IS NULL OR hours_needed >= 0");
                    table.CheckConstraint("ck_activities_type", "type IN ('activity', 'volunteering')");
                    table.ForeignKey(
                        name: "fk_activities_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_activities_districts_district_code",
                        column: x => x.district_code,
                        principalTable: "districts",
                        principalColumn: "code",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "green_spaces",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: true),
                    type = table.Column<string>(type: "text", nullable: false),
                    access = table.Column<string>(type: "text", nullable: false),
                    area_m2 = table.Column<double>(type: "double precision", nullable: false),
                    geom = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: false),
                    source_id = table.Column<string>(type: "text", nullable: false),
                    sample = table.Column<bool>(type: "boolean", nullable: false),
                    district_code = table.Column<string>(type: "text", nullable: true),
                    dataset_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_green_spaces", x => x.id);
                    table.CheckConstraint("ck_green_spaces_access", "access IN ('public', 'restricted')");
                    table.CheckConstraint("ck_green_spaces_type", "type IN ('park', 'nature-reserve', 'country-park', 'common', 'woodland', 'playing-field', 'allotments', 'play-area')");
                    table.ForeignKey(
                        name: "fk_green_spaces_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_green_spaces_districts_district_code",
                        column: x => x.district_code,
                        principalTable: "districts",
                        principalColumn: "code",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "recycling_sites",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: true),
                    materials = table.Column<string[]>(type: "text[]", nullable: false),
                    opening = table.Column<string>(type: "text", nullable: true),
                    geom = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    source_id = table.Column<string>(type: "text", nullable: false),
                    sample = table.Column<bool>(type: "boolean", nullable: false),
                    district_code = table.Column<string>(type: "text", nullable: true),
                    dataset_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recycling_sites", x => x.id);
                    table.ForeignKey(
                        name: "fk_recycling_sites_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_recycling_sites_districts_district_code",
                        column: x => x.district_code,
                        principalTable: "districts",
                        principalColumn: "code",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "routes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: true),
                    network = table.Column<string>(type: "text", nullable: true),
                    surface = table.Column<string>(type: "text", nullable: true),
                    accessibility = table.Column<string>(type: "text", nullable: true),
                    length_m = table.Column<double>(type: "double precision", nullable: false),
                    geom = table.Column<MultiLineString>(type: "geometry(MultiLineString,4326)", nullable: false),
                    source_id = table.Column<string>(type: "text", nullable: false),
                    sample = table.Column<bool>(type: "boolean", nullable: false),
                    district_code = table.Column<string>(type: "text", nullable: true),
                    dataset_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_routes", x => x.id);
                    table.CheckConstraint("ck_routes_kind", "kind IN ('walking', 'cycling', 'shared')");
                    table.ForeignKey(
                        name: "fk_routes_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_routes_districts_district_code",
                        column: x => x.district_code,
                        principalTable: "districts",
                        principalColumn: "code",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "town_centre_projects",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    town = table.Column<string>(type: "text", nullable: true),
                    title = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: true),
                    lead_partner = table.Column<string>(type: "text", nullable: true),
                    start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    link = table.Column<string>(type: "text", nullable: true),
                    geom = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: false),
                    source_id = table.Column<string>(type: "text", nullable: false),
                    sample = table.Column<bool>(type: "boolean", nullable: false),
                    district_code = table.Column<string>(type: "text", nullable: true),
                    dataset_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_town_centre_projects", x => x.id);
                    table.CheckConstraint("ck_town_centre_projects_geom", "GeometryType(geom) IN ('POINT', 'MULTIPOLYGON')");
                    table.ForeignKey(
                        name: "fk_town_centre_projects_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_town_centre_projects_districts_district_code",
                        column: x => x.district_code,
                        principalTable: "districts",
                        principalColumn: "code",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_activities_dataset_id_source_id",
                table: "activities",
                columns: new[] { "dataset_id", "source_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_activities_district_code",
                table: "activities",
                column: "district_code");

            migrationBuilder.CreateIndex(
                name: "ix_activities_geom",
                table: "activities",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_green_spaces_dataset_id_source_id",
                table: "green_spaces",
                columns: new[] { "dataset_id", "source_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_green_spaces_district_code",
                table: "green_spaces",
                column: "district_code");

            migrationBuilder.CreateIndex(
                name: "ix_green_spaces_geom",
                table: "green_spaces",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_recycling_sites_dataset_id_source_id",
                table: "recycling_sites",
                columns: new[] { "dataset_id", "source_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_recycling_sites_district_code",
                table: "recycling_sites",
                column: "district_code");

            migrationBuilder.CreateIndex(
                name: "ix_recycling_sites_geom",
                table: "recycling_sites",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_routes_dataset_id_source_id",
                table: "routes",
                columns: new[] { "dataset_id", "source_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_routes_district_code",
                table: "routes",
                column: "district_code");

            migrationBuilder.CreateIndex(
                name: "ix_routes_geom",
                table: "routes",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_town_centre_projects_dataset_id_source_id",
                table: "town_centre_projects",
                columns: new[] { "dataset_id", "source_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_town_centre_projects_district_code",
                table: "town_centre_projects",
                column: "district_code");

            migrationBuilder.CreateIndex(
                name: "ix_town_centre_projects_geom",
                table: "town_centre_projects",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            // Geography indexes for distance searches and the ward measures (SQL kept in PlacesSql).
            migrationBuilder.Sql(DistrictMap.Api.Places.PlacesSql.CreateGeographyIndexes);
            migrationBuilder.Sql(DistrictMap.Api.Places.PlacesSql.CreateWardPlaces);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DistrictMap.Api.Places.PlacesSql.DropWardPlaces);
            migrationBuilder.Sql(DistrictMap.Api.Places.PlacesSql.DropGeographyIndexes);
            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropTable(
                name: "green_spaces");

            migrationBuilder.DropTable(
                name: "recycling_sites");

            migrationBuilder.DropTable(
                name: "routes");

            migrationBuilder.DropTable(
                name: "town_centre_projects");
        }
    }
}
