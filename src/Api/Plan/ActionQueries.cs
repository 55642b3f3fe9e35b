using System.Text.Json;
using DistrictMap.Api.Features;
using Npgsql;
using NpgsqlTypes;

namespace DistrictMap.Api.Plan;

/// <summary>Filters of an actions list; null means any.</summary>
public sealed record ActionFilter
{
    public string? District { get; init; }
    public string? Priority { get; init; }
    public int? Partner { get; init; }
    /// <summary>Actions reaching the ward: targeting it, or district-wide in its district.</summary>
    public string? Ward { get; init; }
    public string? Status { get; init; }
    public string? Rag { get; init; }
    public string? Tag { get; init; }
    public BoundingBox? Bbox { get; init; }
    public int? Id { get; init; }
}

/// <summary>The SQL behind the action reads.</summary>
public sealed class ActionQueries(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Where an action is drawn: its own location, else an interior point of its target wards,
    /// else of its district. Shared by the OGC collection, GeoJSON and the bbox filter.
    /// </summary>
    public const string MapGeometry = """
        coalesce(a.location,
                 (SELECT ST_PointOnSurface(ST_Union(w.geom)) FROM action_wards aw JOIN wards w ON w.code = aw.ward_code WHERE aw.action_id = a.id),
                 (SELECT ST_PointOnSurface(d.geom) FROM districts d WHERE d.code = a.district_code))
        """;

    private static readonly string Select = $$"""
        SELECT a.id, a.reference, a.district_code, a.title, a.description, a.priority_code, a.lead_partner_id, lp.name,
               a.status, a.rag, a.start, a.due, a.district_wide, a.tags, a.sample, a.xmin::text::bigint,
               {{GeometrySql.GeoJson("a.location")}},
               coalesce((SELECT json_agg(json_build_object('code', w.code, 'name', w.name) ORDER BY w.name)
                         FROM action_wards aw JOIN wards w ON w.code = aw.ward_code WHERE aw.action_id = a.id), '[]')::text,
               coalesce((SELECT json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.name)
                         FROM action_supporters s JOIN partners p ON p.id = s.partner_id WHERE s.action_id = a.id), '[]')::text,
               coalesce((SELECT array_agg(i.indicator_code ORDER BY i.indicator_code) FROM action_indicators i WHERE i.action_id = a.id), '{}'),
               CASE WHEN @geometry THEN {{GeometrySql.GeoJson(MapGeometry)}} END
        FROM actions a JOIN partners lp ON lp.id = a.lead_partner_id
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<(ActionDto Action, JsonElement? MapGeometry)>> ListAsync(ActionFilter filter, bool geometry, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            {Select}
            WHERE (@id::int IS NULL OR a.id = @id)
              AND (@district::text IS NULL OR a.district_code = @district)
              AND (@priority::text IS NULL OR a.priority_code = @priority)
              AND (@partner::int IS NULL OR a.lead_partner_id = @partner
                   OR EXISTS (SELECT 1 FROM action_supporters s WHERE s.action_id = a.id AND s.partner_id = @partner))
              AND (@ward::text IS NULL
                   OR EXISTS (SELECT 1 FROM action_wards aw WHERE aw.action_id = a.id AND aw.ward_code = @ward)
                   OR (a.district_wide AND a.district_code = (SELECT district_code FROM wards WHERE code = @ward)))
              AND (@status::text IS NULL OR a.status = @status)
              AND (@rag::text IS NULL OR a.rag = @rag)
              AND (@tag::text IS NULL OR @tag = ANY (a.tags))
              AND (@west::float8 IS NULL OR ST_Intersects({MapGeometry}, ST_MakeEnvelope(@west, @south, @east, @north, 4326)))
            ORDER BY a.priority_code, a.title, a.id
            """);
        command.Parameters.AddWithValue("geometry", geometry);
        Add(command, "id", NpgsqlDbType.Integer, filter.Id);
        Add(command, "district", NpgsqlDbType.Text, filter.District);
        Add(command, "priority", NpgsqlDbType.Text, filter.Priority);
        Add(command, "partner", NpgsqlDbType.Integer, filter.Partner);
        Add(command, "ward", NpgsqlDbType.Text, filter.Ward);
        Add(command, "status", NpgsqlDbType.Text, filter.Status);
        Add(command, "rag", NpgsqlDbType.Text, filter.Rag);
        Add(command, "tag", NpgsqlDbType.Text, filter.Tag);
        Add(command, "west", NpgsqlDbType.Double, filter.Bbox?.West);
        Add(command, "south", NpgsqlDbType.Double, filter.Bbox?.South);
        Add(command, "east", NpgsqlDbType.Double, filter.Bbox?.East);
        Add(command, "north", NpgsqlDbType.Double, filter.Bbox?.North);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(ActionDto, JsonElement?)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var action = new ActionDto(
                reader.GetInt32(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                new PartnerRef(reader.GetInt32(6), reader.GetString(7)),
                JsonSerializer.Deserialize<List<PartnerRef>>(reader.GetString(18), Json)!,
                reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateOnly>(10),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateOnly>(11),
                reader.GetBoolean(12),
                JsonSerializer.Deserialize<List<WardRef>>(reader.GetString(17), Json)!,
                reader.GetFieldValue<string[]>(13),
                reader.GetFieldValue<string[]>(19),
                reader.GetBoolean(14),
                reader.IsDBNull(16) ? null : JsonDocument.Parse(reader.GetString(16)).RootElement.Clone())
            {
                ETag = ETagOf(reader.GetInt32(0), (uint)reader.GetInt64(15)),
            };
            rows.Add((action, reader.IsDBNull(20) ? null : JsonDocument.Parse(reader.GetString(20)).RootElement.Clone()));
        }

        return rows;
    }

    public async Task<IReadOnlyList<ActionUpdateDto>> UpdatesAsync(int action, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id, quarter, rag, commentary, author, at, sample FROM action_updates WHERE action_id = $1 ORDER BY quarter DESC, at DESC");
        command.Parameters.AddWithValue(action);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<ActionUpdateDto>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new ActionUpdateDto(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5), reader.GetBoolean(6)));
        }

        return rows;
    }

    /// <summary>The strong entity tag of an action version.</summary>
    public static string ETagOf(int id, uint version) => $"\"a{id}-{version}\"";

    private static void Add(NpgsqlCommand command, string name, NpgsqlDbType type, object? value) =>
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
}
