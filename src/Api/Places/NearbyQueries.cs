using DistrictMap.Api.Features;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using DistrictMap.Api.Infrastructure.Database;

namespace DistrictMap.Api.Places;

/// <summary>A place near a point: its layer, id, name, true distance in metres and its layer's properties.</summary>
public sealed record NearbyFeature(string Kind, string Id, string? Name, double DistanceMetres, bool Sample, JsonElement Properties)
{
    /// <summary>The feature in OGC API - Features.</summary>
    public string? Href { get; init; }

    /// <summary>The feature's geometry as GeoJSON, when asked for.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Geometry { get; init; }
}

/// <summary>What near me looks for: places layers, and the plan's actions.</summary>
public sealed record NearbyKinds(IReadOnlySet<PlaceLayer> Layers, bool Actions)
{
    public const string ActionsKind = "actions";
}

/// <summary>
/// The places within a distance of a point, nearest first. Candidates come from each layer's geography GiST index
/// (ST_DWithin, ordered by the KNN operator &lt;-&gt;); distances are ST_Distance on the ellipsoid to the nearest
/// point of each line or polygon (0 inside it).
/// </summary>
public sealed class NearbyQueries([FromKeyedServices(ReadOnlyDatabase.Key)] NpgsqlDataSource dataSource)
{
    private const string Point = "ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography";

    /// <summary>Per layer: the name and the properties (camelCase JSON) of its features, over the alias t.</summary>
    private static readonly Dictionary<PlaceLayer, (string Name, string Properties)> Layers = new()
    {
        [PlaceLayer.Routes] = ("t.name", """
            jsonb_build_object('kind', t.kind, 'network', t.network, 'surface', t.surface, 'accessibility', t.accessibility,
                               'lengthM', round(t.length_m::numeric, 1))
            """),
        [PlaceLayer.GreenSpaces] = ("t.name", "jsonb_build_object('type', t.type, 'access', t.access, 'areaM2', round(t.area_m2::numeric))"),
        [PlaceLayer.TownCentreProjects] = ("t.title", """
            jsonb_build_object('town', t.town, 'title', t.title, 'description', t.description, 'status', t.status,
                               'leadPartner', t.lead_partner, 'start', to_char(t.start_date, 'YYYY-MM-DD'),
                               'end', to_char(t.end_date, 'YYYY-MM-DD'), 'link', t.link)
            """),
        [PlaceLayer.RecyclingSites] = ("t.name", "jsonb_build_object('materials', to_jsonb(t.materials), 'opening', t.opening)"),
        [PlaceLayer.Activities] = ("t.title", """
            jsonb_build_object('type', t.type, 'title', t.title, 'description', t.description, 'when', t.schedule,
                               'hoursNeeded', t.hours_needed, 'contact', t.contact)
            """),
    };

    /// <summary>The plan's actions that have a location, as one more kind.</summary>
    private static readonly string ActionsSelect = $"""
        (SELECT '{NearbyKinds.ActionsKind}' AS kind, t.id, t.title AS name, ST_Distance(t.location::geography, {Point}) AS distance, t.sample,
                jsonb_build_object('priority', t.priority_code, 'status', t.status, 'rag', t.rag, 'leadPartner', p.name,
                                   'due', to_char(t.due, 'YYYY-MM-DD'), 'tags', to_jsonb(t.tags))::text AS properties,
                CASE WHEN @geometry THEN {GeometrySql.GeoJson("t.location")} END AS geometry
         FROM actions t JOIN partners p ON p.id = t.lead_partner_id
         WHERE t.location IS NOT NULL AND ST_DWithin(t.location::geography, {Point}, @radius)
         ORDER BY t.location::geography <-> {Point}
         LIMIT @limit)
        """;

    public async Task<IReadOnlyList<NearbyFeature>> NearbyAsync(
        double lon, double lat, double radiusMetres, NearbyKinds kinds, int limit, bool geometry, CancellationToken cancellationToken)
    {
        var selects = PlaceLayers.All.Where(kinds.Layers.Contains).Select(layer => $"""
            (SELECT '{layer.Id()}' AS kind, t.id, {Layers[layer].Name} AS name, ST_Distance(t.geom::geography, {Point}) AS distance, t.sample,
                    ({Layers[layer].Properties})::text AS properties,
                    CASE WHEN @geometry THEN {GeometrySql.GeoJson("t.geom")} END AS geometry
             FROM {layer.Table()} t
             WHERE ST_DWithin(t.geom::geography, {Point}, @radius)
             ORDER BY t.geom::geography <-> {Point}
             LIMIT @limit)
            """);
        await using var command = dataSource.CreateCommand($"""
            SELECT kind, id, name, round(distance::numeric, 1)::float8, sample, properties, geometry
            FROM ({string.Join("\nUNION ALL\n", kinds.Actions ? selects.Append(ActionsSelect) : selects)}) nearby
            ORDER BY distance, kind, id
            LIMIT @limit
            """);
        command.Parameters.AddWithValue("lon", lon);
        command.Parameters.AddWithValue("lat", lat);
        command.Parameters.AddWithValue("radius", radiusMetres);
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("geometry", geometry);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var features = new List<NearbyFeature>();
        while (await reader.ReadAsync(cancellationToken))
        {
            features.Add(new NearbyFeature(
                reader.GetString(0),
                reader.GetInt32(1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetDouble(3),
                reader.GetBoolean(4),
                Json(reader.GetString(5)))
            {
                Geometry = reader.IsDBNull(6) ? null : Json(reader.GetString(6)),
            });
        }

        return features;
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
