using DistrictMap.Api.Import;
using Npgsql;
using NpgsqlTypes;

namespace DistrictMap.Api.Search.Import;

/// <summary>One point read from a gazetteer file: a postcode or a name, with what the file says about where it lies.</summary>
internal sealed record PointRow(int Ordinal, string Code, string? Name, string? Type, string? District, string? Ward, string? Lsoa, double X, double Y);

/// <summary>Stages gazetteer points in a temporary table of the import's transaction (<c>stage_points</c>), in WGS 84.</summary>
internal static class PointStage
{
    public static async Task WriteAsync(NpgsqlConnection connection, IReadOnlyList<PointRow> rows, int srid, IImportProgress progress, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync("""
            DROP TABLE IF EXISTS stage_points_raw, stage_points;
            CREATE TEMP TABLE stage_points_raw (
                ordinal int NOT NULL, code text NOT NULL, name text, type text, district text, ward text, lsoa text,
                x double precision NOT NULL, y double precision NOT NULL
            ) ON COMMIT DROP
            """, cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY stage_points_raw (ordinal, code, name, type, district, ward, lsoa, x, y) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            var done = 0;
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(row.Ordinal, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(row.Code, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(row.Name, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(row.Type, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(row.District, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(row.Ward, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(row.Lsoa, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(row.X, NpgsqlDbType.Double, cancellationToken);
                await writer.WriteAsync(row.Y, NpgsqlDbType.Double, cancellationToken);
                if (++done % 10_000 == 0)
                {
                    progress.Report("stage", done, rows.Count);
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await connection.ExecuteAsync(
            """
            CREATE TEMP TABLE stage_points ON COMMIT DROP AS
            SELECT ordinal, code, name, type, district, ward, lsoa,
                   ST_Transform(ST_SetSRID(ST_MakePoint(x, y), @srid), 4326) AS geom
            FROM stage_points_raw
            """,
            cancellationToken,
            ("srid", srid));
    }

    /// <summary>Removes the staged points outside the district's boundary; returns how many.</summary>
    public static Task<int> ClipAsync(NpgsqlConnection connection, string district, CancellationToken cancellationToken) =>
        connection.CountAsync(
            """
            WITH outside AS (
                DELETE FROM stage_points p
                WHERE NOT EXISTS (SELECT 1 FROM districts d WHERE d.code = @district AND d.geom && p.geom AND ST_Intersects(d.geom, p.geom))
                RETURNING 1
            )
            SELECT count(*) FROM outside
            """,
            cancellationToken,
            ("district", district));

    /// <summary>The district's bounding box in the given CRS (west, south, east, north), to skip rows that cannot be inside it while reading.</summary>
    public static async Task<(double W, double S, double E, double N)?> BoundingBoxAsync(NpgsqlDataSource dataSource, string district, int srid, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b)
            FROM (SELECT ST_Expand(ST_Envelope(ST_Transform(geom, $2)), CASE WHEN $2 = 4326 THEN 0.01 ELSE 1000 END) AS b FROM districts WHERE code = $1 AND geom IS NOT NULL) e
            """);
        command.Parameters.AddWithValue(district);
        command.Parameters.AddWithValue(srid);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3))
            : null;
    }

    /// <summary>The provenance of a gazetteer import: the given source, else the Open Government Licence and the default title and attribution.</summary>
    public static DatasetRecord Provenance(string kind, string scope, string title, string attribution, GazetteerImportOptions options, int rows) =>
        new(
            Key: $"{kind}:{scope}",
            Kind: kind,
            Title: options.Source.Title ?? title,
            Source: options.Source.SourceUrl ?? Path.GetFileName(options.Path),
            Licence: options.Source.Licence ?? Attribution.OglLicence,
            LicenceUrl: options.Source.LicenceUrl ?? (options.Source.Licence is null ? Attribution.OglLicenceUrl : null),
            Attribution: options.Source.Attribution ?? attribution,
            Vintage: options.Source.Vintage,
            Rows: rows,
            Sha256: FileDigest.Sha256(options.Path));

    /// <summary>
    /// Records the provenance, writes the staged points into <paramref name="table"/> (the upsert touching only rows that differ) and removes
    /// the dataset's rows the file no longer has; then refreshes derived data and the data version. Returns the rows written.
    /// </summary>
    /// <param name="key">The table's column matched against the staged <c>code</c>.</param>
    public static async Task<int> SaveAsync(NpgsqlConnection connection, DatasetRecord record, string table, string key, string upsert, CancellationToken cancellationToken)
    {
        var (datasetId, changed) = await DatasetRecorder.UpsertAsync(connection, record, cancellationToken);
        var written = await connection.CountAsync(upsert, cancellationToken, ("dataset", datasetId))
            + await connection.CountAsync(
                $"""
                WITH gone AS (
                    DELETE FROM {table} t WHERE t.dataset_id = @dataset AND NOT EXISTS (SELECT 1 FROM stage_points p WHERE p.code = t.{key})
                    RETURNING 1
                )
                SELECT count(*) FROM gone
                """,
                cancellationToken,
                ("dataset", datasetId));
        await DerivedData.RefreshAsync(connection, written + (changed ? 1 : 0), cancellationToken);
        return written;
    }
}
