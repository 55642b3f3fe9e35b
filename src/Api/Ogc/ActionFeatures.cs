using System.Text.Json;
using System.Text.Json.Nodes;
using DistrictMap.Api.Features;
using DistrictMap.Api.Http;
using DistrictMap.Api.Plan;
using Npgsql;

namespace DistrictMap.Api.Ogc;

/// <summary>
/// An action as a GeoJSON Feature that OGC API - Features - Part 4 writes send: its geometry is the action's own
/// location (null when it is drawn at its wards), its properties the fields of a REST write (<see cref="ActionInput"/>)
/// under the collection's snake_case names. Turning a feature into an <see cref="ActionInput"/> is all this does:
/// validation, authorisation, audit and If-Match stay with <see cref="PlanWriter"/>.
/// </summary>
public sealed class ActionFeatures(NpgsqlDataSource dataSource)
{
    /// <summary>The properties a write may set: feature property name, and the REST write's field.</summary>
    public static readonly IReadOnlyDictionary<string, string> Writable = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["title"] = "title",
        ["description"] = "description",
        ["priority"] = "priority",
        ["status"] = "status",
        ["rag"] = "rag",
        ["start"] = "start",
        ["due"] = "due",
        ["district"] = "district",
        ["wards"] = "wards",
        ["tags"] = "tags",
        ["district_wide"] = "districtWide",
        ["lead_partner_id"] = "leadPartnerId",
        ["supporting_partner_ids"] = "supportingPartnerIds",
        ["indicators"] = "indicators",
        ["reference"] = "reference",
    };

    /// <summary>Properties reads show that the server sets: a feature read and sent back may carry them, and they are ignored.</summary>
    public static readonly IReadOnlySet<string> ReadOnly = new HashSet<string>(StringComparer.Ordinal) { "id", "lead_partner", "sample" };

    /// <summary>Properties that reads write as comma-separated text and writes also accept as arrays.</summary>
    private static readonly HashSet<string> Lists = ["wards", "tags", "supporting_partner_ids", "indicators"];

    /// <summary>The body as a GeoJSON Feature object; a 400 when it is not JSON or not a Feature.</summary>
    public static JsonObject ReadFeature(byte[] body)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            throw new BadRequestException($"The body is not valid JSON: {Text.Shorten(e.Message, 200)}");
        }

        if (node is not JsonObject feature)
        {
            throw new BadRequestException("Send a GeoJSON Feature: a JSON object with \"type\": \"Feature\", a geometry and properties.");
        }

        return feature;
    }

    /// <summary>The feature's geometry in CRS84: as sent, or transformed by PostGIS (and PROJ) from <paramref name="crs"/>.</summary>
    public async Task TransformGeometryAsync(JsonObject feature, CoordinateReferenceSystem crs, CancellationToken cancellationToken)
    {
        if (crs.IsStorage || feature["geometry"] is not JsonObject geometry)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(
            $"SELECT ST_AsGeoJSON({crs.ToStorage($"ST_SetSRID(ST_GeomFromGeoJSON(@geometry), {crs.Srid})")}, 9)");
        command.Parameters.AddWithValue("geometry", geometry.ToJsonString());
        try
        {
            var text = (string?)await command.ExecuteScalarAsync(cancellationToken);
            feature["geometry"] = text is null ? null : JsonNode.Parse(text);
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("22", StringComparison.Ordinal) || e.SqlState == "XX000")
        {
            throw new ValidationProblemException(new Dictionary<string, string[]>
            {
                ["geometry"] = [$"Not a GeoJSON geometry in {crs.Uri} ({Text.Shorten(e.MessageText, 200)})."],
            });
        }
    }

    /// <summary>The REST write a feature stands for; a 400 naming the member that is wrong.</summary>
    public static ActionInput ToInput(JsonObject feature, string? pathId)
    {
        if (feature["type"]?.GetValueKind() != JsonValueKind.String || feature["type"]!.GetValue<string>() != "Feature")
        {
            throw new BadRequestException("Send a GeoJSON Feature: its \"type\" must be \"Feature\".");
        }

        var errors = new FieldErrors();
        if (pathId is not null && feature["id"] is { } id && id.ToJsonString().Trim('"') != pathId)
        {
            errors.Add("id", $"The feature's id ({Text.Shorten(id.ToJsonString())}) is not the one in the path ({pathId}): leave it out or make them the same.");
        }

        var input = new JsonObject();
        switch (feature["properties"])
        {
            case null:
                break;
            case JsonObject properties:
                foreach (var (name, value) in properties)
                {
                    if (Writable.TryGetValue(name, out var field))
                    {
                        input[field] = Lists.Contains(name) && value?.GetValueKind() == JsonValueKind.String ? Split(name, value.GetValue<string>()) : value?.DeepClone();
                    }
                    else if (!ReadOnly.Contains(name))
                    {
                        errors.Add($"properties.{Text.Shorten(name, 50)}", $"Not a property of an action. Writable properties: {string.Join(", ", Writable.Keys)}; {string.Join(", ", ReadOnly)} are set by the server.");
                    }
                }

                break;
            default:
                errors.Add("properties", "Give the properties as a JSON object (or null).");
                break;
        }

        switch (feature["geometry"])
        {
            case null:
                break;
            case JsonObject geometry:
                input["location"] = geometry.DeepClone();
                break;
            default:
                errors.Add("geometry", "Give a GeoJSON geometry object, or null for an action drawn at its wards.");
                break;
        }

        errors.ThrowIfAny();
        return PlanEndpoints.Parse<ActionInput>(JsonSerializer.SerializeToUtf8Bytes(input));
    }

    /// <summary>An action as the Feature a write would send to keep it as it is: the base a merge patch applies to.</summary>
    public static JsonObject ToFeature(ActionDto action)
    {
        var properties = new JsonObject
        {
            ["title"] = action.Title,
            ["description"] = action.Description,
            ["priority"] = action.Priority,
            ["status"] = action.Status,
            ["rag"] = action.Rag,
            ["start"] = action.Start?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["due"] = action.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["district"] = action.District,
            ["wards"] = new JsonArray([.. action.Wards.Select(w => (JsonNode)w.Code)]),
            ["tags"] = new JsonArray([.. action.Tags.Select(t => (JsonNode)t)]),
            ["district_wide"] = action.DistrictWide,
            ["lead_partner_id"] = action.LeadPartner.Id,
            ["supporting_partner_ids"] = new JsonArray([.. action.SupportingPartners.Select(p => (JsonNode)p.Id)]),
            ["indicators"] = new JsonArray([.. action.Indicators.Select(i => (JsonNode)i)]),
            ["reference"] = action.Reference,
        };
        return new JsonObject
        {
            ["type"] = "Feature",
            ["id"] = action.Id,
            ["geometry"] = action.Location is { } location ? JsonNode.Parse(location.GetRawText()) : null,
            ["properties"] = properties,
        };
    }

    /// <summary>
    /// JSON Merge Patch (RFC 7396, section 2): members of the patch replace the target's, null removes them,
    /// objects merge recursively and anything else (arrays included) replaces the target whole.
    /// </summary>
    public static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject members)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject existing ? existing.DeepClone().AsObject() : [];
        foreach (var (name, value) in members)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = MergePatch(result[name], value);
            }
        }

        return result;
    }

    private static JsonArray Split(string name, string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return name == "supporting_partner_ids"
            ? new JsonArray([.. parts.Select(p => int.TryParse(p, out var n) ? (JsonNode)n : p)])
            : new JsonArray([.. parts.Select(p => (JsonNode)p)]);
    }
}
