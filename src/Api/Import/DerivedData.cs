using Npgsql;

namespace DistrictMap.Api.Import;

/// <summary>
/// Recomputes what is derived from imported data, inside the import's transaction:
/// the LSOA-to-ward assignment, the ward deprivation summary, the ward places measures and the data version.
/// </summary>
internal static class DerivedData
{
    private const string AssignmentsSql = """
        DROP TABLE IF EXISTS new_assignments;
        CREATE TEMP TABLE new_assignments ON COMMIT DROP AS
        WITH best_fit AS (
            SELECT k.lsoa_code, k.lsoa_vintage, k.ward_code
            FROM lsoa_ward_lookup k
            JOIN wards w ON w.code = k.ward_code
        ), overlap AS (
            SELECT DISTINCT ON (l.code, l.vintage)
                l.code AS lsoa_code, l.vintage AS lsoa_vintage, w.code AS ward_code,
                round((ST_Area(ST_Intersection(l.geom, w.geom)) / NULLIF(ST_Area(l.geom), 0))::numeric, 6)::double precision AS share
            FROM lsoas l
            JOIN wards w ON ST_Intersects(l.geom, w.geom)
            WHERE NOT EXISTS (SELECT 1 FROM best_fit b WHERE b.lsoa_code = l.code AND b.lsoa_vintage = l.vintage)
            ORDER BY l.code, l.vintage, share DESC NULLS LAST, w.code
        )
        SELECT lsoa_code, lsoa_vintage, ward_code, 'best-fit'::text AS method, NULL::double precision AS overlap_share FROM best_fit
        UNION ALL
        SELECT lsoa_code, lsoa_vintage, ward_code, 'area-overlap', share FROM overlap WHERE share > 0;

        WITH removed AS (
            DELETE FROM lsoa_ward_assignments a
            WHERE NOT EXISTS (SELECT 1 FROM new_assignments n WHERE n.lsoa_code = a.lsoa_code AND n.lsoa_vintage = a.lsoa_vintage)
            RETURNING 1
        ), upserted AS (
            INSERT INTO lsoa_ward_assignments AS a (lsoa_code, lsoa_vintage, ward_code, method, overlap_share)
            SELECT lsoa_code, lsoa_vintage, ward_code, method, overlap_share FROM new_assignments
            ON CONFLICT (lsoa_code, lsoa_vintage) DO UPDATE SET
                ward_code = EXCLUDED.ward_code, method = EXCLUDED.method, overlap_share = EXCLUDED.overlap_share
            WHERE (a.ward_code, a.method, a.overlap_share) IS DISTINCT FROM (EXCLUDED.ward_code, EXCLUDED.method, EXCLUDED.overlap_share)
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM removed) + (SELECT count(*) FROM upserted);
        """;

    /// <summary>
    /// Refreshes everything derived and, when anything changed, moves the data version on and notifies
    /// listeners (delivered when the transaction commits).
    /// </summary>
    /// <param name="changed">Rows the import itself wrote.</param>
    /// <returns>Assignment rows that changed.</returns>
    public static async Task<int> RefreshAsync(NpgsqlConnection connection, int changed, CancellationToken cancellationToken)
    {
        int assignments;
        // Derived data grows with what is loaded (minutes at national scale): no command timeout here.
        await using (var command = new NpgsqlCommand(AssignmentsSql, connection) { CommandTimeout = 0 })
        {
            assignments = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        if (changed + assignments > 0)
        {
            await using var refresh = new NpgsqlCommand(
                $"""
                REFRESH MATERIALIZED VIEW ward_deprivation;
                {Places.PlacesSql.RefreshWardPlaces}
                {Datasets.DataVersionSource.BumpSql}
                """,
                connection);
            refresh.CommandTimeout = 0;
            await refresh.ExecuteNonQueryAsync(cancellationToken);
        }

        return assignments;
    }
}
