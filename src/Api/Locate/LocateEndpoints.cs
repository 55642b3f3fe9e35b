using DistrictMap.Api.Http;
using DistrictMap.Api.Wards;
using Npgsql;

namespace DistrictMap.Api.Locate;

public sealed record Located(double Lon, double Lat, CodeName? District, CodeName? Ward, CodeName? Lsoa);

/// <summary>/api/locate: which district, ward and LSOA a point is in.</summary>
public static class LocateEndpoints
{
    public static RouteGroupBuilder MapLocateEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/locate", Locate).AllowQuery("lon", "lat").Offers(ResponseFormat.Json)
            .WithTags("Locate")
            .WithName("Locate")
            .WithSummary("The district, ward and LSOA at a point")
            .WithDescription("The loaded district, ward and LSOA (latest vintage) that contain a WGS 84 longitude/latitude. "
                + "404 when the point is outside every loaded district and ward.")
            .Produces<Located>(StatusCodes.Status200OK, ResponseFormats.JsonMediaType);
        return api;
    }

    private static async Task<IResult> Locate(NpgsqlDataSource dataSource, string? lon, string? lat, CancellationToken cancellationToken)
    {
        var x = RequestValues.Number(lon, "lon", -180, 180);
        var y = RequestValues.Number(lat, "lat", -90, 90);
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
            return Problems.NotFound($"The point ({x}, {y}) is outside every loaded district.");
        }

        await using var name = dataSource.CreateCommand("SELECT name FROM districts WHERE code = $1");
        name.Parameters.AddWithValue(districtCode);
        var districtName = (string?)await name.ExecuteScalarAsync(cancellationToken) ?? districtCode;
        var lsoaParts = lsoa?.Split('|', 2);
        return TypedResults.Json(new Located(
            x,
            y,
            new CodeName(districtCode, districtName),
            wardCode is null ? null : new CodeName(wardCode, wardName!),
            lsoaParts is null ? null : new CodeName(lsoaParts[0], lsoaParts[1])));
    }
}
