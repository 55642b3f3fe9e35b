using DistrictMap.Api.Wards;
using Npgsql;
using DistrictMap.Api.Infrastructure.Database;

namespace DistrictMap.Api.Locate;

/// <summary>Which loaded district, ward and LSOA hold a point: for /api/locate and the near-me search.</summary>
public sealed class LocateQueries([FromKeyedServices(ReadOnlyDatabase.Key)] NpgsqlDataSource dataSource)
{
    /// <returns>The point with the district, ward and LSOA (latest vintage) that hold it; each null where none does.</returns>
    public async Task<Located> LocateAsync(double x, double y, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH p AS (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326) AS g)
            SELECT (SELECT d.code FROM districts d, p WHERE d.geom && p.g AND ST_Intersects(d.geom, p.g) ORDER BY d.code LIMIT 1),
                   w.code, w.name, w.district_code,
                   (SELECT l.code || '|' || l.name FROM lsoas l, p WHERE l.geom && p.g AND ST_Intersects(l.geom, p.g) ORDER BY l.vintage DESC, l.code LIMIT 1)
            FROM p LEFT JOIN LATERAL (SELECT w.* FROM wards w WHERE w.geom && p.g AND ST_Intersects(w.geom, p.g) ORDER BY w.code LIMIT 1) w ON true
            """);
        command.Parameters.AddWithValue(x);
        command.Parameters.AddWithValue(y);
        string? districtCode, wardCode, wardName, lsoa;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            districtCode = reader.IsDBNull(0) ? (reader.IsDBNull(3) ? null : reader.GetString(3)) : reader.GetString(0);
            wardCode = reader.IsDBNull(1) ? null : reader.GetString(1);
            wardName = reader.IsDBNull(2) ? null : reader.GetString(2);
            lsoa = reader.IsDBNull(4) ? null : reader.GetString(4);
        }

        if (districtCode is null)
        {
            return new Located(x, y, null, null, null);
        }

        await using var name = dataSource.CreateCommand("SELECT name FROM districts WHERE code = $1");
        name.Parameters.AddWithValue(districtCode);
        var districtName = (string?)await name.ExecuteScalarAsync(cancellationToken) ?? districtCode;
        var lsoaParts = lsoa?.Split('|', 2);
        return new Located(
            x,
            y,
            new CodeName(districtCode, districtName),
            wardCode is null ? null : new CodeName(wardCode, wardName!),
            lsoaParts is null ? null : new CodeName(lsoaParts[0], lsoaParts[1]));
    }
}
