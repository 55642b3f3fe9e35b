using System.Globalization;
using System.Text.Json;
using DistrictMap.Api.Http;
using DistrictMap.Api.Infrastructure.Database;
using DistrictMap.Api.Plan;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DistrictMap.Api.Monitoring;

/// <summary>One field of an audited record, before and after the change (null where the record did not exist).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>One audited write, with the fields it changed (every field, for a creation or a deletion).</summary>
public sealed record AuditRow(long Id, DateTimeOffset At, string Actor, string Operation, string Entity, string EntityId, IReadOnlyList<FieldChange> Changes);

/// <summary>The audit log of a district's plan: who changed what during a quarter, before and after.</summary>
public sealed class AuditTrail([FromKeyedServices(ReadOnlyDatabase.Key)] NpgsqlDataSource dataSource, IOptions<MonitoringOptions> options)
{
    /// <summary>Writes to the district's actions, their updates, its indicator values and its plan imports during the quarter, newest first.</summary>
    public async Task<IReadOnlyList<AuditRow>> ForQuarterAsync(string district, string quarter, CancellationToken cancellationToken)
    {
        var end = PlanVocabulary.EndOf(quarter).AddDays(1);
        var start = end.AddMonths(-3);
        await using var command = dataSource.CreateCommand("""
            -- A public page: people are shown by their organisation's mail domain, never by their address.
            SELECT a.id, a.at, CASE WHEN a.actor LIKE '%@%' THEN 'someone at ' || split_part(a.actor, '@', 2) ELSE a.actor END, a.operation, a.entity, a.entity_id, a.before::text, a.after::text
            FROM audit_log a
            CROSS JOIN LATERAL (SELECT coalesce(a.after, a.before) AS r) x
            WHERE a.at >= $2 AND a.at < $3 AND a.entity <> 'account'
              AND (x.r ->> 'district' = $1
                   OR (a.entity = 'action-update' AND EXISTS (
                        SELECT 1 FROM actions p WHERE p.id = (x.r ->> 'actionId')::int AND p.district_code = $1))
                   OR (a.entity = 'indicator-value' AND (x.r ->> 'area' = $1 OR EXISTS (
                        SELECT 1 FROM wards w WHERE w.code = x.r ->> 'area' AND w.district_code = $1))))
            ORDER BY a.at DESC, a.id DESC
            LIMIT $4
            """);
        command.Parameters.AddWithValue(district);
        command.Parameters.AddWithValue(new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        command.Parameters.AddWithValue(new DateTimeOffset(end.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        command.Parameters.AddWithValue(options.Value.AuditRows);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<AuditRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AuditRow(
                reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                Changes(reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7))));
        }

        return rows;
    }

    /// <summary>The fields that differ between two snapshots, in the order they were written; all of them when one side is missing.</summary>
    public static IReadOnlyList<FieldChange> Changes(string? before, string? after)
    {
        var old = Fields(before);
        var now = Fields(after);
        return [.. old.Keys.Concat(now.Keys).Distinct()
            .Select(k => new FieldChange(k, old.GetValueOrDefault(k), now.GetValueOrDefault(k)))
            .Where(c => before is null || after is null || c.Before != c.After)];
    }

    private static Dictionary<string, string?> Fields(string? json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (json is null)
        {
            return fields;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            fields["value"] = Text.Shorten(document.RootElement.GetRawText(), 300);
            return fields;
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            fields[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => Text.Shorten(property.Value.GetString()!, 300),
                JsonValueKind.Array when property.Value.EnumerateArray().All(e => e.ValueKind is JsonValueKind.String or JsonValueKind.Number) =>
                    string.Join("; ", property.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
                JsonValueKind.Number => property.Value.GetDouble().ToString("0.###", CultureInfo.InvariantCulture),
                _ => Text.Shorten(property.Value.GetRawText(), 300),
            };
        }

        return fields;
    }
}
