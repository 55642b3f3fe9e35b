namespace DistrictMap.Api.Places.Import;

/// <summary>The SQL of place imports, kept in one place. Every statement runs in the import's transaction.</summary>
internal static class PlaceImportSql
{
    /// <summary>The columns each layer's imports fill besides its identity, provenance, district and geometry.</summary>
    public static IReadOnlyList<PlaceColumn> Columns(PlaceLayer layer) => layer switch
    {
        PlaceLayer.Routes =>
        [
            new("kind", PlaceValueType.Text), new("name", PlaceValueType.Text), new("network", PlaceValueType.Text),
            new("surface", PlaceValueType.Text), new("accessibility", PlaceValueType.Text),
        ],
        PlaceLayer.GreenSpaces => [new("name", PlaceValueType.Text), new("type", PlaceValueType.Text), new("access", PlaceValueType.Text)],
        PlaceLayer.TownCentreProjects =>
        [
            new("town", PlaceValueType.Text), new("title", PlaceValueType.Text), new("description", PlaceValueType.Text),
            new("status", PlaceValueType.Text), new("lead_partner", PlaceValueType.Text), new("start_date", PlaceValueType.Date),
            new("end_date", PlaceValueType.Date), new("link", PlaceValueType.Text),
        ],
        PlaceLayer.RecyclingSites => [new("name", PlaceValueType.Text), new("materials", PlaceValueType.TextList), new("opening", PlaceValueType.Text)],
        _ =>
        [
            new("type", PlaceValueType.Text), new("title", PlaceValueType.Text), new("description", PlaceValueType.Text),
            new("schedule", PlaceValueType.Text), new("hours_needed", PlaceValueType.Number), new("contact", PlaceValueType.Text),
        ],
    };

    public const string CreateStage = """
        DROP TABLE IF EXISTS stage_places, stage_places_prepared;
        CREATE TEMP TABLE stage_places (
            ordinal int NOT NULL, source_id text NOT NULL, label text NOT NULL, sample boolean NOT NULL,
            attrs jsonb NOT NULL, geom geometry NOT NULL
        ) ON COMMIT DROP
        """;

    public const string Copy = "COPY stage_places (ordinal, source_id, label, sample, attrs, geom) FROM STDIN (FORMAT BINARY)";

    /// <summary>Transforms to WGS 84, repairs invalid geometries (counting them) and gives each the layer's geometry type.</summary>
    public static string Prepare(PlaceLayer layer)
    {
        const string polygons = "ST_Multi(ST_CollectionExtract(ST_MakeValid(t.geom), 3))";
        var geometry = layer switch
        {
            PlaceLayer.Routes => "ST_Multi(ST_CollectionExtract(ST_MakeValid(t.geom), 2))",
            PlaceLayer.GreenSpaces => polygons,
            PlaceLayer.TownCentreProjects => $"CASE WHEN GeometryType(t.geom) = 'POINT' THEN t.geom ELSE {polygons} END",
            _ => "t.geom",
        };
        return $"""
            CREATE TEMP TABLE stage_places_prepared ON COMMIT DROP AS
            SELECT s.ordinal, s.source_id, s.label, s.sample, s.attrs, NULL::text AS district_code,
                   NOT ST_IsValid(t.geom) AS repaired, {geometry} AS geom
            FROM stage_places s
            CROSS JOIN LATERAL (SELECT ST_Transform(s.geom, 4326) AS geom) t
            """;
    }

    public const string FirstEmpty = "SELECT ordinal, label FROM stage_places_prepared WHERE ST_IsEmpty(geom) ORDER BY ordinal LIMIT 1";

    /// <summary>Keeps the features that touch the district's boundary (a route crossing it is kept whole).</summary>
    public const string FilterByDistrict = """
        WITH outside AS (
            DELETE FROM stage_places_prepared p
            WHERE NOT EXISTS (SELECT 1 FROM districts d WHERE d.code = @district AND d.geom && p.geom AND ST_Intersects(d.geom, p.geom))
            RETURNING 1
        )
        SELECT count(*) FROM outside
        """;

    public const string SetDistrict = "UPDATE stage_places_prepared SET district_code = @district";

    /// <summary>Places each feature in the loaded district that holds a point on it, if any.</summary>
    public const string LocateDistricts = """
        UPDATE stage_places_prepared p SET district_code = (
            SELECT d.code FROM districts d
            WHERE d.geom IS NOT NULL AND ST_Intersects(d.geom, ST_PointOnSurface(p.geom))
            ORDER BY d.code LIMIT 1)
        """;

    public const string CountKeptAndRepaired = "SELECT count(*), count(*) FILTER (WHERE repaired) FROM stage_places_prepared";

    /// <summary>Inserts or updates the dataset's features, touching only rows that differ; returns how many it wrote.</summary>
    public static string Upsert(PlaceLayer layer)
    {
        var columns = Columns(layer).Select(c => (c.Name, Expression: Read(c))).ToList();
        switch (layer)
        {
            case PlaceLayer.Routes:
                columns.Add(("length_m", "ST_Length(geom::geography)"));
                break;
            case PlaceLayer.GreenSpaces:
                columns.Add(("area_m2", "ST_Area(geom::geography)"));
                break;
        }

        var names = string.Join(", ", columns.Select(c => c.Name));
        var values = string.Join(", ", columns.Select(c => c.Expression));
        var updates = string.Join(", ", columns.Select(c => $"{c.Name} = EXCLUDED.{c.Name}"));
        var mine = string.Join(", ", columns.Select(c => $"t.{c.Name}"));
        var theirs = string.Join(", ", columns.Select(c => $"EXCLUDED.{c.Name}"));
        return $"""
            WITH changed AS (
                INSERT INTO {layer.Table()} AS t (dataset_id, source_id, sample, district_code, geom, {names})
                SELECT @dataset, source_id, sample, district_code, geom, {values} FROM stage_places_prepared
                ON CONFLICT (dataset_id, source_id) DO UPDATE SET
                    sample = EXCLUDED.sample, district_code = EXCLUDED.district_code, geom = EXCLUDED.geom, {updates}
                WHERE (t.sample, t.district_code, {mine}) IS DISTINCT FROM (EXCLUDED.sample, EXCLUDED.district_code, {theirs})
                   OR ST_AsEWKB(t.geom) IS DISTINCT FROM ST_AsEWKB(EXCLUDED.geom)
                RETURNING 1
            )
            SELECT count(*) FROM changed
            """;
    }

    /// <summary>A dataset's import defines it: its features missing from the file go.</summary>
    public static string DeleteMissing(PlaceLayer layer) => $"""
        WITH gone AS (
            DELETE FROM {layer.Table()} t
            WHERE t.dataset_id = @dataset AND NOT EXISTS (SELECT 1 FROM stage_places_prepared p WHERE p.source_id = t.source_id)
            RETURNING 1
        )
        SELECT count(*) FROM gone
        """;

    /// <summary>
    /// A green space already stored from another (real) dataset that a staged one overlaps by at least half of their union is the same
    /// place: the staged one becomes another source of it instead of a second row. Rows the dataset already holds stay its own.
    /// </summary>
    public const string MatchGreenSpaces = """
        DROP TABLE IF EXISTS stage_matches;
        CREATE TEMP TABLE stage_matches ON COMMIT DROP AS
        SELECT DISTINCT ON (p.source_id) p.source_id, g.id AS green_space_id
        FROM stage_places_prepared p
        JOIN green_spaces g ON g.geom && p.geom AND g.dataset_id <> @dataset AND NOT g.sample AND ST_Intersects(g.geom, p.geom)
        CROSS JOIN LATERAL (
            SELECT ST_Area(ST_Intersection(g.geom, p.geom)::geography) / NULLIF(ST_Area(ST_Union(g.geom, p.geom)::geography), 0) AS share
        ) o
        WHERE NOT p.sample AND o.share >= 0.5
          AND NOT EXISTS (SELECT 1 FROM green_spaces own WHERE own.dataset_id = @dataset AND own.source_id = p.source_id)
        ORDER BY p.source_id, o.share DESC, g.id
        """;

    /// <summary>Records the matches as the dataset's other sources (and forgets those it no longer has), and takes them out of the stage.</summary>
    public const string RecordMatches = """
        WITH gone AS (
            DELETE FROM green_space_sources s
            WHERE s.dataset_id = @dataset AND NOT EXISTS (SELECT 1 FROM stage_matches m WHERE m.source_id = s.source_id)
            RETURNING 1
        ), kept AS (
            INSERT INTO green_space_sources AS s (dataset_id, source_id, green_space_id)
            SELECT @dataset, source_id, green_space_id FROM stage_matches
            ON CONFLICT (dataset_id, source_id) DO UPDATE SET green_space_id = EXCLUDED.green_space_id
            WHERE s.green_space_id IS DISTINCT FROM EXCLUDED.green_space_id
            RETURNING 1
        ), merged AS (
            DELETE FROM stage_places_prepared p USING stage_matches m WHERE m.source_id = p.source_id
        )
        SELECT (SELECT count(*) FROM gone) + (SELECT count(*) FROM kept)
        """;

    /// <summary>The districts a real (not sample) import brings places of this layer to, noted before matching takes rows out of the stage.</summary>
    public const string NoteRealDistricts = """
        DROP TABLE IF EXISTS stage_real_districts;
        CREATE TEMP TABLE stage_real_districts ON COMMIT DROP AS
        SELECT DISTINCT district_code FROM stage_places_prepared WHERE NOT sample AND district_code IS NOT NULL
        """;

    /// <summary>Real replaces sample: the layer's sample places in the districts that real ones just arrived in go. Returns how many went.</summary>
    public static string RemoveReplacedSamples(PlaceLayer layer) => $"""
        WITH gone AS (
            DELETE FROM {layer.Table()} t USING stage_real_districts r
            WHERE t.sample AND t.district_code = r.district_code
            RETURNING 1
        )
        SELECT count(*) FROM gone
        """;

    /// <summary>The layer's sample datasets left with no places (so the catalogue no longer lists them). Returns how many went.</summary>
    public static string RemoveEmptySampleDatasets(PlaceLayer layer) => $"""
        WITH gone AS (
            DELETE FROM datasets d
            WHERE d.kind = @kind AND d.licence = @licence AND NOT EXISTS (SELECT 1 FROM {layer.Table()} t WHERE t.dataset_id = d.id)
            RETURNING 1
        )
        SELECT count(*) FROM gone
        """;

    private static string Read(PlaceColumn column) => column.Type switch
    {
        PlaceValueType.Number => $"(attrs->>'{column.Name}')::double precision",
        PlaceValueType.Date => $"(attrs->>'{column.Name}')::date",
        PlaceValueType.TextList => $"ARRAY(SELECT jsonb_array_elements_text(coalesce(attrs->'{column.Name}', '[]'::jsonb)))",
        _ => $"attrs->>'{column.Name}'",
    };
}
