using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace DistrictMap.Api.Infrastructure.Database.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "data_state",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_state", x => x.id);
                    table.CheckConstraint("ck_data_state_single_row", "id = 1");
                });

            migrationBuilder.CreateTable(
                name: "datasets",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    key = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    licence = table.Column<string>(type: "text", nullable: false),
                    licence_url = table.Column<string>(type: "text", nullable: true),
                    attribution = table.Column<string>(type: "text", nullable: false),
                    vintage = table.Column<string>(type: "text", nullable: true),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    rows = table.Column<int>(type: "integer", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_datasets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "iod_releases",
                columns: table => new
                {
                    code = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    lsoa_vintage = table.Column<int>(type: "integer", nullable: false),
                    lsoa_count = table.Column<int>(type: "integer", nullable: false),
                    published = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_iod_releases", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "districts",
                columns: table => new
                {
                    code = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    geom = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: true),
                    area_m2 = table.Column<double>(type: "double precision", nullable: true),
                    dataset_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_districts", x => x.code);
                    table.ForeignKey(
                        name: "fk_districts_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "lsoa_ward_lookup",
                columns: table => new
                {
                    lsoa_code = table.Column<string>(type: "text", nullable: false),
                    lsoa_vintage = table.Column<int>(type: "integer", nullable: false),
                    ward_code = table.Column<string>(type: "text", nullable: false),
                    ward_name = table.Column<string>(type: "text", nullable: true),
                    district_code = table.Column<string>(type: "text", nullable: true),
                    dataset_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lsoa_ward_lookup", x => new { x.lsoa_code, x.lsoa_vintage });
                    table.ForeignKey(
                        name: "fk_lsoa_ward_lookup_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "lsoas",
                columns: table => new
                {
                    code = table.Column<string>(type: "text", nullable: false),
                    vintage = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    district_code = table.Column<string>(type: "text", nullable: true),
                    geom = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: false),
                    area_m2 = table.Column<double>(type: "double precision", nullable: false),
                    dataset_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lsoas", x => new { x.code, x.vintage });
                    table.CheckConstraint("ck_lsoas_vintage", "vintage IN (2011, 2021)");
                    table.ForeignKey(
                        name: "fk_lsoas_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deprivation_scores",
                columns: table => new
                {
                    release = table.Column<string>(type: "text", nullable: false),
                    lsoa_code = table.Column<string>(type: "text", nullable: false),
                    domain = table.Column<string>(type: "text", nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: true),
                    rank = table.Column<int>(type: "integer", nullable: true),
                    decile = table.Column<int>(type: "integer", nullable: true),
                    transformed_score = table.Column<double>(type: "double precision", nullable: true),
                    dataset_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deprivation_scores", x => new { x.release, x.lsoa_code, x.domain });
                    table.CheckConstraint("ck_deprivation_scores_decile", "decile BETWEEN 1 AND 10");
                    table.CheckConstraint("ck_deprivation_scores_domain", "domain IN ('imd', 'income', 'employment', 'education', 'health', 'crime', 'barriers', 'living-environment', 'idaci', 'idaopi')");
                    table.CheckConstraint("ck_deprivation_scores_rank", "rank >= 1");
                    table.ForeignKey(
                        name: "fk_deprivation_scores_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_deprivation_scores_iod_releases_release",
                        column: x => x.release,
                        principalTable: "iod_releases",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "lsoa_populations",
                columns: table => new
                {
                    release = table.Column<string>(type: "text", nullable: false),
                    lsoa_code = table.Column<string>(type: "text", nullable: false),
                    total = table.Column<int>(type: "integer", nullable: true),
                    children_0_15 = table.Column<int>(type: "integer", nullable: true),
                    aged_16_59 = table.Column<int>(type: "integer", nullable: true),
                    aged_60_and_over = table.Column<int>(type: "integer", nullable: true),
                    working_age = table.Column<int>(type: "integer", nullable: true),
                    dataset_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lsoa_populations", x => new { x.release, x.lsoa_code });
                    table.ForeignKey(
                        name: "fk_lsoa_populations_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_lsoa_populations_iod_releases_release",
                        column: x => x.release,
                        principalTable: "iod_releases",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "wards",
                columns: table => new
                {
                    code = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    district_code = table.Column<string>(type: "text", nullable: false),
                    geom = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,4326)", nullable: false),
                    area_m2 = table.Column<double>(type: "double precision", nullable: false),
                    dataset_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wards", x => x.code);
                    table.ForeignKey(
                        name: "fk_wards_datasets_dataset_id",
                        column: x => x.dataset_id,
                        principalTable: "datasets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_wards_districts_district_code",
                        column: x => x.district_code,
                        principalTable: "districts",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lsoa_ward_assignments",
                columns: table => new
                {
                    lsoa_code = table.Column<string>(type: "text", nullable: false),
                    lsoa_vintage = table.Column<int>(type: "integer", nullable: false),
                    ward_code = table.Column<string>(type: "text", nullable: false),
                    method = table.Column<string>(type: "text", nullable: false),
                    overlap_share = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lsoa_ward_assignments", x => new { x.lsoa_code, x.lsoa_vintage });
                    table.CheckConstraint("ck_lsoa_ward_assignments_method", "method IN ('best-fit', 'area-overlap')");
                    table.ForeignKey(
                        name: "fk_lsoa_ward_assignments_wards_ward_code",
                        column: x => x.ward_code,
                        principalTable: "wards",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "data_state",
                columns: new[] { "id", "changed_at", "version" },
                values: new object[] { 1, new DateTimeOffset(new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), 0L });

            migrationBuilder.InsertData(
                table: "iod_releases",
                columns: new[] { "code", "lsoa_count", "lsoa_vintage", "published", "title" },
                values: new object[,]
                {
                    { "IoD2019", 32844, 2011, new DateOnly(2019, 9, 26), "English Indices of Deprivation 2019" },
                    { "IoD2025", 33755, 2021, new DateOnly(2025, 10, 30), "English Indices of Deprivation 2025" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_datasets_key",
                table: "datasets",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deprivation_scores_dataset_id",
                table: "deprivation_scores",
                column: "dataset_id");

            migrationBuilder.CreateIndex(
                name: "ix_deprivation_scores_lsoa_code",
                table: "deprivation_scores",
                column: "lsoa_code");

            migrationBuilder.CreateIndex(
                name: "ix_districts_dataset_id",
                table: "districts",
                column: "dataset_id");

            migrationBuilder.CreateIndex(
                name: "ix_districts_geom",
                table: "districts",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_lsoa_populations_dataset_id",
                table: "lsoa_populations",
                column: "dataset_id");

            migrationBuilder.CreateIndex(
                name: "ix_lsoa_ward_assignments_ward_code",
                table: "lsoa_ward_assignments",
                column: "ward_code");

            migrationBuilder.CreateIndex(
                name: "ix_lsoa_ward_lookup_dataset_id",
                table: "lsoa_ward_lookup",
                column: "dataset_id");

            migrationBuilder.CreateIndex(
                name: "ix_lsoa_ward_lookup_ward_code",
                table: "lsoa_ward_lookup",
                column: "ward_code");

            migrationBuilder.CreateIndex(
                name: "ix_lsoas_dataset_id",
                table: "lsoas",
                column: "dataset_id");

            migrationBuilder.CreateIndex(
                name: "ix_lsoas_district_code",
                table: "lsoas",
                column: "district_code");

            migrationBuilder.CreateIndex(
                name: "ix_lsoas_geom",
                table: "lsoas",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_wards_dataset_id",
                table: "wards",
                column: "dataset_id");

            migrationBuilder.CreateIndex(
                name: "ix_wards_district_code",
                table: "wards",
                column: "district_code");

            migrationBuilder.CreateIndex(
                name: "ix_wards_geom",
                table: "wards",
                column: "geom")
                .Annotation("Npgsql:IndexMethod", "gist");

            // Ward deprivation, aggregated from LSOAs (method: docs/ward-deprivation.md). Refreshed by every import.
            migrationBuilder.Sql("""
                CREATE MATERIALIZED VIEW ward_deprivation AS
                WITH lsoa_values AS (
                    SELECT a.ward_code, w.district_code, s.release, s.domain, s.lsoa_code,
                           s.score, s.rank, s.decile, s.transformed_score, p.total::double precision AS population
                    FROM deprivation_scores s
                    JOIN iod_releases r ON r.code = s.release
                    JOIN lsoa_ward_assignments a ON a.lsoa_code = s.lsoa_code AND a.lsoa_vintage = r.lsoa_vintage
                    JOIN wards w ON w.code = a.ward_code
                    LEFT JOIN lsoa_populations p ON p.release = s.release AND p.lsoa_code = s.lsoa_code
                ), per_ward AS (
                    SELECT ward_code, district_code, release, domain,
                        count(*)::int AS lsoa_count,
                        sum(population)::bigint AS population,
                        (count(population) = count(*) AND coalesce(sum(population), 0) > 0) AS weighted,
                        count(score) = count(*) AS all_scored,
                        count(transformed_score) = count(*) AS all_transformed,
                        sum(score * population) / NULLIF(sum(population), 0) AS weighted_score,
                        avg(score) AS mean_score,
                        sum(transformed_score * population) / NULLIF(sum(population), 0) AS weighted_transformed,
                        avg(transformed_score) AS mean_transformed,
                        min(decile) AS worst_decile,
                        min(rank) AS worst_rank,
                        count(*) FILTER (WHERE decile <= 1)::int AS lsoas_in_most_deprived_10,
                        count(*) FILTER (WHERE decile <= 2)::int AS lsoas_in_most_deprived_20,
                        count(*) FILTER (WHERE decile <= 3)::int AS lsoas_in_most_deprived_30,
                        coalesce(sum(population) FILTER (WHERE decile <= 1), 0) / NULLIF(sum(population), 0) AS share_10,
                        coalesce(sum(population) FILTER (WHERE decile <= 2), 0) / NULLIF(sum(population), 0) AS share_20,
                        coalesce(sum(population) FILTER (WHERE decile <= 3), 0) / NULLIF(sum(population), 0) AS share_30
                    FROM lsoa_values
                    GROUP BY ward_code, district_code, release, domain
                ), summary AS (
                    SELECT ward_code, district_code, release, domain, lsoa_count,
                        CASE WHEN weighted THEN population END AS population,
                        weighted AS population_weighted,
                        CASE WHEN NOT all_scored THEN NULL WHEN weighted THEN weighted_score ELSE mean_score END AS score,
                        CASE WHEN NOT all_transformed THEN NULL WHEN weighted THEN weighted_transformed ELSE mean_transformed END AS transformed_score,
                        worst_decile, worst_rank,
                        lsoas_in_most_deprived_10, lsoas_in_most_deprived_20, lsoas_in_most_deprived_30,
                        CASE WHEN weighted THEN share_10 END AS population_share_in_most_deprived_10,
                        CASE WHEN weighted THEN share_20 END AS population_share_in_most_deprived_20,
                        CASE WHEN weighted THEN share_30 END AS population_share_in_most_deprived_30
                    FROM per_ward
                ), basis AS (
                    SELECT summary.*,
                        bool_or(score IS NOT NULL) OVER (PARTITION BY district_code, release, domain) AS district_has_scores
                    FROM summary
                )
                SELECT ward_code, district_code, release, domain, lsoa_count, population, population_weighted,
                    score, transformed_score, worst_decile, worst_rank,
                    lsoas_in_most_deprived_10, lsoas_in_most_deprived_20, lsoas_in_most_deprived_30,
                    population_share_in_most_deprived_10, population_share_in_most_deprived_20, population_share_in_most_deprived_30,
                    CASE WHEN (CASE WHEN district_has_scores THEN score ELSE transformed_score END) IS NOT NULL
                         THEN rank() OVER (PARTITION BY district_code, release, domain
                                           ORDER BY (CASE WHEN district_has_scores THEN score ELSE transformed_score END) DESC NULLS LAST)::int
                    END AS district_rank,
                    count(*) OVER (PARTITION BY district_code, release, domain)::int AS district_ward_count,
                    CASE WHEN district_has_scores AND score IS NOT NULL THEN 'score'
                         WHEN NOT district_has_scores AND transformed_score IS NOT NULL THEN 'transformed-score'
                    END AS rank_basis
                FROM basis;

                CREATE UNIQUE INDEX ux_ward_deprivation ON ward_deprivation (ward_code, release, domain);
                CREATE INDEX ix_ward_deprivation_district ON ward_deprivation (district_code, release, domain);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP MATERIALIZED VIEW ward_deprivation;");
            migrationBuilder.DropTable(
                name: "data_state");

            migrationBuilder.DropTable(
                name: "deprivation_scores");

            migrationBuilder.DropTable(
                name: "lsoa_populations");

            migrationBuilder.DropTable(
                name: "lsoa_ward_assignments");

            migrationBuilder.DropTable(
                name: "lsoa_ward_lookup");

            migrationBuilder.DropTable(
                name: "lsoas");

            migrationBuilder.DropTable(
                name: "iod_releases");

            migrationBuilder.DropTable(
                name: "wards");

            migrationBuilder.DropTable(
                name: "districts");

            migrationBuilder.DropTable(
                name: "datasets");
        }
    }
}
