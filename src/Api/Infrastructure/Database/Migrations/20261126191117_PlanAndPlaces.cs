using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace DistrictMap.Api.Infrastructure.Database.Migrations
{
    /// <inheritdoc />
    public partial class PlanAndPlaces : Migration
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
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "text", nullable: false),
                    operation = table.Column<string>(type: "text", nullable: false),
                    entity = table.Column<string>(type: "text", nullable: false),
                    entity_id = table.Column<string>(type: "text", nullable: false),
                    before = table.Column<string>(type: "jsonb", nullable: true),
                    after = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
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
                name: "indicators",
                columns: table => new
                {
                    code = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    unit = table.Column<string>(type: "text", nullable: false),
                    polarity = table.Column<string>(type: "text", nullable: false),
                    geography = table.Column<string>(type: "text", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    licence = table.Column<string>(type: "text", nullable: false),
                    sample = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicators", x => x.code);
                    table.CheckConstraint("ck_indicators_geography", "geography IN ('ward', 'district')");
                    table.CheckConstraint("ck_indicators_polarity", "polarity IN ('higher-is-better', 'lower-is-better')");
                });

            migrationBuilder.CreateTable(
                name: "partners",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false),
                    sector = table.Column<string>(type: "text", nullable: false),
                    website = table.Column<string>(type: "text", nullable: true),
                    sample = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partners", x => x.id);
                    table.CheckConstraint("ck_partners_sector", "sector IN ('public', 'private', 'voluntary', 'community', 'social-enterprise')");
                });

            migrationBuilder.CreateTable(
                name: "priorities",
                columns: table => new
                {
                    code = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    sample = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_priorities", x => x.code);
                    table.CheckConstraint("ck_priorities_code", "code IN ('place', 'economy', 'people', 'environment')");
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

            migrationBuilder.CreateTable(
                name: "indicator_values",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    indicator_code = table.Column<string>(type: "text", nullable: false),
                    area_code = table.Column<string>(type: "text", nullable: false),
                    period = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<double>(type: "double precision", nullable: false),
                    target = table.Column<double>(type: "double precision", nullable: true),
                    note = table.Column<string>(type: "text", nullable: true),
                    sample = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicator_values", x => x.id);
                    table.CheckConstraint("ck_indicator_values_period", "period ~ '^[0-9]{4}(-Q[1-4])?$'");
                    table.ForeignKey(
                        name: "fk_indicator_values_indicators_indicator_code",
                        column: x => x.indicator_code,
                        principalTable: "indicators",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false),
                    role = table.Column<string>(type: "text", nullable: false),
                    partner_id = table.Column<int>(type: "integer", nullable: true),
                    prefix = table.Column<string>(type: "text", nullable: false),
                    key_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                    table.CheckConstraint("ck_api_keys_partner", "role = 'admin' OR partner_id IS NOT NULL");
                    table.CheckConstraint("ck_api_keys_role", "role IN ('admin', 'partner')");
                    table.ForeignKey(
                        name: "fk_api_keys_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "actions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    reference = table.Column<string>(type: "text", nullable: true),
                    district_code = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    priority_code = table.Column<string>(type: "text", nullable: false),
                    lead_partner_id = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    rag = table.Column<string>(type: "text", nullable: true),
                    start = table.Column<DateOnly>(type: "date", nullable: true),
                    due = table.Column<DateOnly>(type: "date", nullable: true),
                    district_wide = table.Column<bool>(type: "boolean", nullable: false),
                    location = table.Column<Geometry>(type: "geometry(Geometry,4326)", nullable: true),
                    tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    sample = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_actions", x => x.id);
                    table.CheckConstraint("ck_actions_dates", "start IS NULL OR due IS NULL OR start <= due");
                    table.CheckConstraint("ck_actions_rag", "rag IN ('green', 'amber', 'red')");
                    table.CheckConstraint("ck_actions_status", "status IN ('planned', 'in-progress', 'complete', 'paused')");
                    table.ForeignKey(
                        name: "fk_actions_districts_district_code",
                        column: x => x.district_code,
                        principalTable: "districts",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_actions_partners_lead_partner_id",
                        column: x => x.lead_partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_actions_priorities_priority_code",
                        column: x => x.priority_code,
                        principalTable: "priorities",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "action_indicators",
                columns: table => new
                {
                    action_id = table.Column<int>(type: "integer", nullable: false),
                    indicator_code = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_indicators", x => new { x.action_id, x.indicator_code });
                    table.ForeignKey(
                        name: "fk_action_indicators_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_action_indicators_indicators_indicator_code",
                        column: x => x.indicator_code,
                        principalTable: "indicators",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "action_supporters",
                columns: table => new
                {
                    action_id = table.Column<int>(type: "integer", nullable: false),
                    partner_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_supporters", x => new { x.action_id, x.partner_id });
                    table.ForeignKey(
                        name: "fk_action_supporters_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_action_supporters_partners_partner_id",
                        column: x => x.partner_id,
                        principalTable: "partners",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "action_updates",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    action_id = table.Column<int>(type: "integer", nullable: false),
                    quarter = table.Column<string>(type: "text", nullable: false),
                    rag = table.Column<string>(type: "text", nullable: false),
                    commentary = table.Column<string>(type: "text", nullable: false),
                    author = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sample = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_updates", x => x.id);
                    table.CheckConstraint("ck_action_updates_quarter", "quarter ~ '^[0-9]{4}-Q[1-4]$'");
                    table.CheckConstraint("ck_action_updates_rag", "rag IN ('green', 'amber', 'red')");
                    table.ForeignKey(
                        name: "fk_action_updates_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "action_wards",
                columns: table => new
                {
                    action_id = table.Column<int>(type: "integer", nullable: false),
                    ward_code = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_action_wards", x => new { x.action_id, x.ward_code });
                    table.ForeignKey(
                        name: "fk_action_wards_actions_action_id",
                        column: x => x.action_id,
                        principalTable: "actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_action_wards_wards_ward_code",
                        column: x => x.ward_code,
                        principalTable: "wards",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "priorities",
                columns: new[] { "code", "description", "sample", "sort_order", "title" },
                values: new object[,]
                {
                    { "economy", "Town centres and local businesses that thrive as shopping changes, with services and work within reach.", true, 2, "Economy" },
                    { "environment", "Easy access to the countryside, green spaces and nature reserves, well-linked walking and cycling routes, and more and clearer recycling.", true, 4, "Environment" },
                    { "people", "Community spirit and wellbeing: helping neighbours and getting involved in local activities, in ways that fit the time people have.", true, 3, "People" },
                    { "place", "Places people want to spend time in: lively town centres with events and activities, family-friendly places to eat and meet, and good local services and transport links.", true, 1, "Place" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_action_indicators_indicator_code",
                table: "action_indicators",
                column: "indicator_code");

            migrationBuilder.CreateIndex(
                name: "ix_action_supporters_partner_id",
                table: "action_supporters",
                column: "partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_action_updates_action_id_quarter",
                table: "action_updates",
                columns: new[] { "action_id", "quarter" });

            migrationBuilder.CreateIndex(
                name: "ix_action_wards_ward_code",
                table: "action_wards",
                column: "ward_code");

            migrationBuilder.CreateIndex(
                name: "ix_actions_district_code_reference",
                table: "actions",
                columns: new[] { "district_code", "reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_actions_lead_partner_id",
                table: "actions",
                column: "lead_partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_actions_location",
                table: "actions",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_actions_priority_code",
                table: "actions",
                column: "priority_code");

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
                name: "ix_api_keys_key_hash",
                table: "api_keys",
                column: "key_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_partner_id",
                table: "api_keys",
                column: "partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_at",
                table: "audit_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_entity_entity_id",
                table: "audit_log",
                columns: new[] { "entity", "entity_id" });

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
                name: "ix_indicator_values_indicator_code_area_code_period",
                table: "indicator_values",
                columns: new[] { "indicator_code", "area_code", "period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_partners_name",
                table: "partners",
                column: "name",
                unique: true);

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
                name: "action_indicators");

            migrationBuilder.DropTable(
                name: "action_supporters");

            migrationBuilder.DropTable(
                name: "action_updates");

            migrationBuilder.DropTable(
                name: "action_wards");

            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "green_spaces");

            migrationBuilder.DropTable(
                name: "indicator_values");

            migrationBuilder.DropTable(
                name: "recycling_sites");

            migrationBuilder.DropTable(
                name: "routes");

            migrationBuilder.DropTable(
                name: "town_centre_projects");

            migrationBuilder.DropTable(
                name: "actions");

            migrationBuilder.DropTable(
                name: "indicators");

            migrationBuilder.DropTable(
                name: "partners");

            migrationBuilder.DropTable(
                name: "priorities");
        }
    }
}
