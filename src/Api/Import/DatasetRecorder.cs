using Npgsql;

namespace DistrictMap.Api.Import;

/// <summary>The provenance of one import, as stored in the datasets table.</summary>
public sealed record DatasetRecord(
    string Key,
    string Kind,
    string Title,
    string Source,
    string Licence,
    string? LicenceUrl,
    string Attribution,
    string? Vintage,
    int Rows,
    string Sha256);

/// <summary>Writes provenance rows. An unchanged re-import leaves the row, and its import time, as it was.</summary>
internal static class DatasetRecorder
{
    private const string UpsertSql = """
        INSERT INTO datasets AS d (key, kind, title, source, licence, licence_url, attribution, vintage, imported_at, rows, sha256)
        VALUES (@key, @kind, @title, @source, @licence, @licence_url, @attribution, @vintage, now(), @rows, @sha256)
        ON CONFLICT (key) DO UPDATE SET
            kind = EXCLUDED.kind, title = EXCLUDED.title, source = EXCLUDED.source, licence = EXCLUDED.licence,
            licence_url = EXCLUDED.licence_url, attribution = EXCLUDED.attribution, vintage = EXCLUDED.vintage,
            imported_at = EXCLUDED.imported_at, rows = EXCLUDED.rows, sha256 = EXCLUDED.sha256
        WHERE (d.kind, d.title, d.source, d.licence, d.licence_url, d.attribution, d.vintage, d.rows, d.sha256)
            IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.title, EXCLUDED.source, EXCLUDED.licence, EXCLUDED.licence_url,
                              EXCLUDED.attribution, EXCLUDED.vintage, EXCLUDED.rows, EXCLUDED.sha256)
        RETURNING id
        """;

    /// <summary>
    /// One provenance record per district of an import's rows, so that a file for one district never rewrites
    /// another district's record. Rows of no known district share one record, keyed by the empty string.
    /// </summary>
    /// <returns>Each district's dataset id, and how many records were inserted or changed.</returns>
    public static async Task<(Dictionary<string, int> Ids, int Changed)> UpsertPerDistrictAsync(
        NpgsqlConnection connection, IEnumerable<string?> rowDistricts, Func<string?, int, DatasetRecord> record, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var changed = 0;
        foreach (var group in rowDistricts.GroupBy(d => d ?? "").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var (id, isChanged) = await UpsertAsync(connection, record(group.Key.Length == 0 ? null : group.Key, group.Count()), cancellationToken);
            ids[group.Key] = id;
            changed += isChanged ? 1 : 0;
        }

        return (ids, changed);
    }

    /// <returns>The dataset's id, and whether its row was inserted or changed.</returns>
    public static async Task<(int Id, bool Changed)> UpsertAsync(NpgsqlConnection connection, DatasetRecord record, CancellationToken cancellationToken)
    {
        await using (var upsert = new NpgsqlCommand(UpsertSql, connection))
        {
            upsert.Parameters.AddWithValue("key", record.Key);
            upsert.Parameters.AddWithValue("kind", record.Kind);
            upsert.Parameters.AddWithValue("title", record.Title);
            upsert.Parameters.AddWithValue("source", record.Source);
            upsert.Parameters.AddWithValue("licence", record.Licence);
            upsert.Parameters.AddWithValue("licence_url", (object?)record.LicenceUrl ?? DBNull.Value);
            upsert.Parameters.AddWithValue("attribution", record.Attribution);
            upsert.Parameters.AddWithValue("vintage", (object?)record.Vintage ?? DBNull.Value);
            upsert.Parameters.AddWithValue("rows", record.Rows);
            upsert.Parameters.AddWithValue("sha256", record.Sha256);
            if (await upsert.ExecuteScalarAsync(cancellationToken) is int id)
            {
                return (id, true);
            }
        }

        await using var select = new NpgsqlCommand("SELECT id FROM datasets WHERE key = @key", connection);
        select.Parameters.AddWithValue("key", record.Key);
        return ((int)(await select.ExecuteScalarAsync(cancellationToken))!, false);
    }

    /// <summary>Deletes the records of one kind that no row of the given tables credits any more.</summary>
    /// <param name="tables">Table names from code, never from input.</param>
    /// <returns>How many records were deleted.</returns>
    public static Task<int> DeleteUncreditedAsync(NpgsqlConnection connection, string kind, IReadOnlyList<string> tables, CancellationToken cancellationToken)
    {
        var credited = string.Join(" AND ", tables.Select(t => $"NOT EXISTS (SELECT 1 FROM {t} x WHERE x.dataset_id = d.id)"));
        return connection.CountAsync(
            $"""
            WITH gone AS (DELETE FROM datasets d WHERE d.kind = @kind AND {credited} RETURNING 1)
            SELECT count(*) FROM gone
            """,
            cancellationToken,
            ("kind", kind));
    }
}
