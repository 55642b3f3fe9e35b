using System.Text.RegularExpressions;
using DistrictMap.Api.Infrastructure.Database;
using DistrictMap.Api.Wards;
using Npgsql;

namespace DistrictMap.Api.Search;

/// <summary>One search result: what was found, where it is, and the ward and district it is in.</summary>
/// <param name="Kind">postcode, postcode-area (a partial postcode: the centre of its postcodes), place, street, ward or district.</param>
/// <param name="Type">The postcode count of a postcode area, the OS Open Names local type of a place or street (Town, Village, Named Road, …), else the kind.</param>
/// <param name="Score">How well the name matches, 1 for an exact match; results are sorted by it.</param>
public sealed record SearchResult(string Kind, string Name, string Type, double Lon, double Lat, CodeName? Ward, CodeName? District, double Score, string? Href = null);

/// <summary>How the query was read: a full postcode, a partial one, or a name.</summary>
public enum QueryShape
{
    Postcode,
    PartialPostcode,
    Name,
}

/// <summary>Postcode and name search over the postcode table, OS Open Names, wards and districts.</summary>
public sealed partial class SearchQueries([FromKeyedServices(ReadOnlyDatabase.Key)] NpgsqlDataSource dataSource)
{
    /// <summary>Reads a query as a full postcode (TN13 1AA, tn131aa), a partial one (TN13, TN13 1, TN13 1A) or a name.</summary>
    public static (QueryShape Shape, string Pattern) Shape(string query)
    {
        var upper = Regex.Replace(query.Trim().ToUpperInvariant(), @"\s+", " ");
        if (Import.PostcodeImporter.Normalise(upper) is { } full)
        {
            return (QueryShape.Postcode, full);
        }

        if (PartialPostcode().Match(upper) is { Success: true } partial)
        {
            // "TN13" is a whole outward code: its postcodes are "TN13 ...", not "TN1 3..".
            return (QueryShape.PartialPostcode, partial.Groups[2].Success ? upper : upper + " ");
        }

        return (QueryShape.Name, query.Trim());
    }

    public async Task<(bool Postcodes, bool Names)> LoadedAsync(string? district, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT EXISTS (SELECT 1 FROM postcodes WHERE $1::text IS NULL OR district_code = $1),
                   EXISTS (SELECT 1 FROM place_names WHERE $1::text IS NULL OR district_code = $1)
            """);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)district ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetBoolean(0), reader.GetBoolean(1));
    }

    public Task<IReadOnlyList<SearchResult>> PostcodesAsync(QueryShape shape, string pattern, string? district, int limit, CancellationToken cancellationToken) =>
        ReadAsync(
            shape == QueryShape.Postcode ? PostcodeSql : PostcodeAreaSql,
            [pattern, (object?)district ?? DBNull.Value, limit],
            cancellationToken);

    public Task<IReadOnlyList<SearchResult>> NamesAsync(string query, string? district, int limit, CancellationToken cancellationToken) =>
        ReadAsync(NamesSql, [query.ToLowerInvariant(), LikeEscape().Replace(query.ToLowerInvariant(), @"\$0") + "%", (object?)district ?? DBNull.Value, limit], cancellationToken);

    private async Task<IReadOnlyList<SearchResult>> ReadAsync(string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter is DBNull ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text } : new NpgsqlParameter { Value = parameter });
        }

        var results = new List<SearchResult>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(new SearchResult(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                Math.Round(reader.GetDouble(3), 6),
                Math.Round(reader.GetDouble(4), 6),
                reader.IsDBNull(5) ? null : new CodeName(reader.GetString(5), reader.GetString(6)),
                reader.IsDBNull(7) ? null : new CodeName(reader.GetString(7), reader.IsDBNull(8) ? reader.GetString(7) : reader.GetString(8)),
                Math.Round(reader.GetDouble(9), 3)));
        }

        return results;
    }

    /// <summary>The ward of a point: the one the postcode directory names when it is loaded, else the loaded ward holding the point.</summary>
    private const string WardOf = """
        LEFT JOIN LATERAL (
            SELECT w.code, w.name FROM wards w
            WHERE w.code = r.ward_code OR (w.geom && r.geom AND ST_Intersects(w.geom, r.geom))
            ORDER BY (w.code = r.ward_code) IS TRUE DESC, w.code LIMIT 1
        ) w ON true
        LEFT JOIN districts d ON d.code = coalesce(r.district_code, (SELECT d2.code FROM districts d2 WHERE d2.geom && r.geom AND ST_Intersects(d2.geom, r.geom) ORDER BY d2.code LIMIT 1))
        """;

    private const string Columns = "r.kind, r.name, r.type, ST_X(r.geom), ST_Y(r.geom), w.code, w.name, coalesce(d.code, r.district_code), d.name, r.score";

    private const string PostcodeSql = $"""
        SELECT {Columns} FROM (
            SELECT 'postcode' AS kind, p.code AS name, 'postcode' AS type, p.geom, p.ward_code, p.district_code, 1.0::double precision AS score
            FROM postcodes p WHERE p.compact = replace($1, ' ', '') AND ($2::text IS NULL OR p.district_code = $2)
        ) r
        {WardOf}
        LIMIT $3
        """;

    /// <summary>A partial postcode: first the area as a whole (the centre of its postcodes, in the ward most of them are in), then its postcodes in order.</summary>
    private const string PostcodeAreaSql = $"""
        WITH matched AS (
            SELECT p.* FROM postcodes p WHERE p.code LIKE $1 || '%' AND ($2::text IS NULL OR p.district_code = $2)
        ), area AS (
            SELECT 'postcode-area' AS kind, rtrim($1) AS name, count(*) || ' postcodes' AS type,
                   ST_Centroid(ST_Collect(geom)) AS geom, mode() WITHIN GROUP (ORDER BY ward_code) AS ward_code,
                   mode() WITHIN GROUP (ORDER BY district_code) AS district_code, 1.0::double precision AS score, '' AS sort
            FROM matched HAVING count(*) > 0
        )
        SELECT {Columns} FROM (
            SELECT * FROM area
            UNION ALL
            SELECT * FROM (
                SELECT 'postcode', code, 'postcode', geom, ward_code, district_code, 0.9::double precision, code FROM matched ORDER BY code LIMIT $3
            ) postcodes
        ) r
        {WardOf}
        ORDER BY r.sort
        LIMIT $3
        """;

    /// <summary>
    /// Names that match exactly, begin with the query, or resemble it (pg_trgm similarity, so misspellings are found), scored in that order,
    /// then by the kind of place (cities and towns before villages, hamlets and streets).
    /// </summary>
    private const string NamesSql = $"""
        WITH candidates AS (
            SELECT CASE WHEN n.local_type ILIKE '%road%' OR n.local_type ILIKE '%street%' THEN 'street' ELSE 'place' END AS kind,
                   n.name, n.local_type AS type, n.geom, NULL::text AS ward_code, n.district_code, n.search_name
            FROM place_names n
            WHERE (n.search_name % $1 OR $1 <% n.search_name OR n.search_name LIKE $2) AND ($3::text IS NULL OR n.district_code = $3)
            UNION ALL
            SELECT 'ward', w.name, 'ward', ST_PointOnSurface(w.geom), w.code, w.district_code, lower(w.name)
            FROM wards w
            WHERE (lower(w.name) % $1 OR $1 <% lower(w.name) OR lower(w.name) LIKE $2) AND ($3::text IS NULL OR w.district_code = $3)
            UNION ALL
            SELECT 'district', d.name, 'district', ST_PointOnSurface(d.geom), NULL, d.code, lower(d.name)
            FROM districts d
            WHERE d.geom IS NOT NULL AND (lower(d.name) % $1 OR $1 <% lower(d.name) OR lower(d.name) LIKE $2) AND ($3::text IS NULL OR d.code = $3)
        ), scored AS (
            SELECT c.*,
                   CASE WHEN c.search_name = $1 THEN 1.0
                        WHEN c.search_name LIKE $2 THEN 0.9 + 0.05 * similarity(c.search_name, $1)
                        ELSE 0.85 * greatest(similarity(c.search_name, $1), 0.9 * word_similarity($1, c.search_name)) END AS score,
                   CASE c.type WHEN 'City' THEN 1 WHEN 'Town' THEN 2 WHEN 'district' THEN 3 WHEN 'ward' THEN 4 WHEN 'Village' THEN 5
                        WHEN 'Suburban Area' THEN 6 WHEN 'Hamlet' THEN 7 WHEN 'Other Settlement' THEN 8 ELSE 9 END AS importance
            FROM candidates c
            ORDER BY score DESC, importance, c.name
            LIMIT $4
        )
        SELECT {Columns} FROM scored r
        {WardOf}
        ORDER BY r.score DESC, r.importance, r.name
        """;

    [GeneratedRegex(@"^([A-Z]{1,2}[0-9][A-Z0-9]?)( [0-9][A-Z]?)?$")]
    private static partial Regex PartialPostcode();

    [GeneratedRegex(@"[\\%_]")]
    private static partial Regex LikeEscape();
}
