using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using DistrictMap.Api.Datasets;
using Microsoft.Extensions.Options;
using Npgsql;
using DistrictMap.Api.Infrastructure.Database;

namespace DistrictMap.Api.Features;

/// <summary>A feature as the database returns it: id, GeoJSON geometry (when asked for) and property values.</summary>
public sealed record FeatureRow(string Id, string? Geometry, object?[] Values);

/// <summary>A page of features and the properties their values are for, in order.</summary>
public sealed record FeaturePage(long NumberMatched, IReadOnlyList<FeatureProperty> Properties, IReadOnlyList<FeatureRow> Features);

/// <summary>
/// Reads features of any declared collection. The SQL is assembled from the collection's declaration
/// (trusted, in code) and the request's values (always bind parameters); geometry is GeoJSON built by
/// PostGIS with exterior rings counter-clockwise (RFC 7946) and 6 decimals.
/// </summary>
public sealed class FeatureStore([FromKeyedServices(ReadOnlyDatabase.Key)] NpgsqlDataSource dataSource, IOptions<FeatureOptions> options)
{
    private readonly ConcurrentDictionary<(string Collection, long Version), BoundingBox?> extents = new();

    public async Task<FeaturePage> QueryAsync(FeatureCollectionDefinition collection, FeatureRequest request, bool withGeometry, CancellationToken cancellationToken)
    {
        var parameters = new List<NpgsqlParameter>();
        var where = Where(collection, request, parameters);
        var order = string.Join(", ", request.SortBy.Select(s => $"{s.Property.Expression} {(s.Descending ? "DESC" : "ASC")} NULLS LAST").Append(collection.IdExpression));
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command($"SELECT count(*) FROM {collection.From} WHERE {where}", parameters));
        var page = new List<NpgsqlParameter>(parameters)
        {
            new("limit", request.Limit),
            new("offset", request.Offset),
        };
        if (request.SimplifyMetres is { } tolerance)
        {
            page.Add(new NpgsqlParameter("simplify", tolerance));
        }

        var properties = request.Properties ?? collection.Properties;
        batch.BatchCommands.Add(Command(
            $"SELECT {Columns(collection, properties, request.SimplifyMetres, withGeometry)} FROM {collection.From} WHERE {where} ORDER BY {order} LIMIT @limit OFFSET @offset",
            page));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var matched = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        return new FeaturePage(matched, properties, await RowsAsync(reader, properties.Count, withGeometry, cancellationToken));
    }

    public async Task<FeaturePage> GetAsync(FeatureCollectionDefinition collection, string id, IReadOnlyList<FeatureProperty>? selected, double? simplifyMetres, bool withGeometry, CancellationToken cancellationToken)
    {
        var where = collection.Where is null ? "" : $" AND ({collection.Where})";
        var properties = selected ?? collection.Properties;
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns(collection, properties, simplifyMetres, withGeometry)} FROM {collection.From} WHERE {collection.IdExpression} = @id{where} LIMIT 1");
        // Sent untyped, so that PostgreSQL reads it as the id's own type (text codes, integer numbers).
        command.Parameters.Add(new NpgsqlParameter("id", NpgsqlTypes.NpgsqlDbType.Unknown) { Value = id });
        if (simplifyMetres is { } tolerance)
        {
            command.Parameters.AddWithValue("simplify", tolerance);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = await RowsAsync(reader, properties.Count, withGeometry, cancellationToken);
        return new FeaturePage(rows.Count, properties, rows);
    }

    /// <summary>The bounding box of the collection's features, cached per data version.</summary>
    public async Task<BoundingBox?> ExtentAsync(FeatureCollectionDefinition collection, DataVersion version, CancellationToken cancellationToken)
    {
        if (extents.TryGetValue((collection.Id, version.Version), out var known))
        {
            return known;
        }

        var where = collection.Where is null ? "" : $" WHERE {collection.Where}";
        await using var command = dataSource.CreateCommand(
            $"SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent({collection.GeometryExpression}) AS e FROM {collection.From}{where}) x");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var extent = reader.IsDBNull(0)
            ? null
            : new BoundingBox(Math.Round(reader.GetDouble(0), 6), Math.Round(reader.GetDouble(1), 6), Math.Round(reader.GetDouble(2), 6), Math.Round(reader.GetDouble(3), 6));
        extents[(collection.Id, version.Version)] = extent;
        return extent;
    }

    private string Columns(FeatureCollectionDefinition collection, IReadOnlyList<FeatureProperty> properties, double? simplifyMetres, bool withGeometry)
    {
        var raw = collection.GeometryExpression;
        var geometry = raw;
        if (simplifyMetres is not null)
        {
            var srid = options.Value.MetricSrid.ToString(CultureInfo.InvariantCulture);
            geometry = $"ST_Transform(ST_SimplifyPreserveTopology(ST_Transform({geometry}, {srid}), @simplify), 4326)";
        }

        var columns = new StringBuilder();
        foreach (var property in properties)
        {
            columns.Append(", ").Append(property.Expression);
        }

        // Exterior rings counter-clockwise (RFC 7946). Only polygons: PostGIS 3.3's ST_ForcePolygonCCW reverses lines.
        var geometryColumn = withGeometry
            ? $"ST_AsGeoJSON(CASE WHEN ST_Dimension({raw}) = 2 THEN ST_ForcePolygonCCW({geometry}) ELSE {geometry} END, 6)"
            : "NULL::text";
        return $"({collection.IdExpression})::text, {geometryColumn}{columns}";
    }

    private static string Where(FeatureCollectionDefinition collection, FeatureRequest request, List<NpgsqlParameter> parameters)
    {
        var conditions = new List<string>();
        if (collection.Where is not null)
        {
            conditions.Add($"({collection.Where})");
        }

        if (request.Bbox is { } box)
        {
            parameters.AddRange([new("west", box.West), new("south", box.South), new("east", box.East), new("north", box.North)]);
            const string envelope = "ST_MakeEnvelope(@west, @south, @east, @north, 4326)";
            conditions.Add($"{collection.GeometryExpression} && {envelope} AND ST_Intersects({collection.GeometryExpression}, {envelope})");
        }

        for (var i = 0; i < request.Filters.Count; i++)
        {
            var (property, value) = request.Filters[i];
            parameters.Add(new NpgsqlParameter($"filter{i}", value));
            conditions.Add($"{property.Expression} = @filter{i}");
        }

        return conditions.Count == 0 ? "true" : string.Join(" AND ", conditions);
    }

    private static NpgsqlBatchCommand Command(string sql, IEnumerable<NpgsqlParameter> parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        return command;
    }

    private static async Task<List<FeatureRow>> RowsAsync(NpgsqlDataReader reader, int propertyCount, bool withGeometry, CancellationToken cancellationToken)
    {
        var rows = new List<FeatureRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object?[propertyCount];
            for (var i = 0; i < propertyCount; i++)
            {
                values[i] = reader.IsDBNull(i + 2) ? null : reader.GetValue(i + 2);
            }

            rows.Add(new FeatureRow(reader.GetString(0), withGeometry && !reader.IsDBNull(1) ? reader.GetString(1) : null, values));
        }

        return rows;
    }
}
