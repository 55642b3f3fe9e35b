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
}
