using DistrictMap.Api.Http;
using Npgsql;
using DistrictMap.Api.Infrastructure.Database;

namespace DistrictMap.Api.Deprivation;

/// <summary>Which IoD release a request is about: the one it names, or the district's <see cref="CurrentRelease"/>.</summary>
public sealed class ReleaseResolver([FromKeyedServices(ReadOnlyDatabase.Key)] NpgsqlDataSource dataSource)
{
    /// <returns>The release code, or null when no release has data (for the district).</returns>
    public async Task<string?> ResolveAsync(string? requested, string? district, CancellationToken cancellationToken)
    {
        if (requested is not null)
        {
            await using var known = dataSource.CreateCommand("SELECT code FROM iod_releases WHERE lower(code) = lower($1)");
            known.Parameters.AddWithValue(requested);
            if (await known.ExecuteScalarAsync(cancellationToken) is string code)
            {
                return code;
            }

            await using var all = dataSource.CreateCommand("SELECT string_agg(code, ', ' ORDER BY published) FROM iod_releases");
            throw new BadRequestException($"release '{Text.Shorten(requested)}' is not known; releases: {await all.ExecuteScalarAsync(cancellationToken)}.");
        }

        // Without a district, the newest of the districts' current releases.
        await using var latest = dataSource.CreateCommand($"""
            SELECT cur.release FROM {CurrentRelease.PerDistrict} cur
            WHERE $1::text IS NULL OR cur.district_code = $1
            ORDER BY cur.published DESC
            LIMIT 1
            """);
        latest.Parameters.Add(new NpgsqlParameter { Value = (object?)district ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return await latest.ExecuteScalarAsync(cancellationToken) as string;
    }
}
