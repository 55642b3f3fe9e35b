using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using DistrictMap.Api.Datasets;
using Microsoft.Extensions.Options;
using Npgsql;
using DistrictMap.Api.Infrastructure.Database;

namespace DistrictMap.Api.Features;

/// <summary>A feature as the database returns it: id, GeoJSON geometry (when asked for) and property values.</summary>
/// <param name="Geometry">GeoJSON in UTF-8, as PostGIS wrote it, or null.</param>
/// <param name="Feature">The whole GeoJSON Feature in UTF-8, built by PostgreSQL, when the page was read as GeoJSON; then Values is empty.</param>
public sealed record FeatureRow(string Id, byte[]? Geometry, object?[] Values, byte[]? Feature = null);

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
    private readonly ConcurrentDictionary<(string Collection, long Version), (DateTime?, DateTime?)> timeExtents = new();

    public async Task<FeaturePage> QueryAsync(FeatureCollectionDefinition collection, FeatureRequest request, bool withGeometry, CancellationToken cancellationToken)
    {
        var parameters = new List<NpgsqlParameter>();
        var where = Where(collection, request, parameters);
        var order = string.Join(", ", request.SortBy.Select(s => $"{s.Property.Expression} {(s.Descending ? "DESC" : "ASC")} NULLS LAST").Append(collection.IdExpression));
        var properties = request.Properties ?? collection.Properties;
        List<FeatureRow> rows;
        // As GeoJSON, each feature is written whole by PostgreSQL (properties by to_json of a row, in declared order),
        // so that the service only copies bytes; otherwise the typed values are read for CSV and HTML.
        var select = withGeometry
            ? $"({collection.IdExpression})::text, {FeatureJson(collection, request.SimplifyMetres, request.Crs)} FROM {collection.From} CROSS JOIN LATERAL (SELECT {PropertyColumns(properties)}) feature_properties"
            : $"{Columns(collection, properties, request.SimplifyMetres, withGeometry: false)} FROM {collection.From}";
        await using (var page = Command($"SELECT {select} WHERE {where} ORDER BY {order} LIMIT @limit OFFSET @offset", parameters))
        {
            page.Parameters.Add(new NpgsqlParameter("limit", request.Limit));
            page.Parameters.Add(new NpgsqlParameter("offset", request.Offset));
            if (request.SimplifyMetres is { } tolerance)
            {
                page.Parameters.Add(new NpgsqlParameter("simplify", tolerance));
            }

            await using var reader = await page.ExecuteReaderAsync(cancellationToken);
            rows = withGeometry ? await FeaturesAsync(reader, cancellationToken) : await RowsAsync(reader, properties, withGeometry: false, cancellationToken);
        }

        // A page that is neither full nor past the end is the last one: it tells how many match without counting them.
        if ((rows.Count > 0 && rows.Count < request.Limit) || (rows.Count == 0 && request.Offset == 0))
        {
            return new FeaturePage(request.Offset + rows.Count, properties, rows);
        }

        await using var count = Command($"SELECT count(*) FROM {collection.From} WHERE {where}", parameters);
        return new FeaturePage((long)(await count.ExecuteScalarAsync(cancellationToken))!, properties, rows);
    }

    public async Task<FeaturePage> GetAsync(FeatureCollectionDefinition collection, string id, IReadOnlyList<FeatureProperty>? selected, double? simplifyMetres, bool withGeometry, CoordinateReferenceSystem? crs, CancellationToken cancellationToken)
    {
        var where = collection.Where is null ? "" : $" AND ({collection.Where})";
        var properties = selected ?? collection.Properties;
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns(collection, properties, simplifyMetres, withGeometry, crs)} FROM {collection.From} WHERE {collection.IdExpression} = @id{where} LIMIT 1");
        // Sent untyped, so that PostgreSQL reads it as the id's own type (text codes, integer numbers).
        command.Parameters.Add(new NpgsqlParameter("id", NpgsqlTypes.NpgsqlDbType.Unknown) { Value = id });
        if (simplifyMetres is { } tolerance)
        {
            command.Parameters.AddWithValue("simplify", tolerance);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = await RowsAsync(reader, properties, withGeometry, cancellationToken);
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

    /// <summary>The first and last instant of the collection's features, cached per data version; nulls when it has no time or it is open.</summary>
    public async Task<(DateTime? Start, DateTime? End)> TemporalExtentAsync(FeatureCollectionDefinition collection, DataVersion version, CancellationToken cancellationToken)
    {
        if (collection.Temporal is not { } temporal)
        {
            return (null, null);
        }

        if (timeExtents.TryGetValue((collection.Id, version.Version), out var known))
        {
            return known;
        }

        var where = collection.Where is null ? "" : $" WHERE {collection.Where}";
        await using var command = dataSource.CreateCommand($"SELECT min({temporal.Start}), max({temporal.End}) FROM {collection.From}{where}");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        (DateTime?, DateTime?) extent = (reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTime>(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTime>(1));
        timeExtents[(collection.Id, version.Version)] = extent;
        return extent;
    }

    private string Columns(FeatureCollectionDefinition collection, IReadOnlyList<FeatureProperty> properties, double? simplifyMetres, bool withGeometry, CoordinateReferenceSystem? crs = null)
    {
        var columns = new StringBuilder();
        foreach (var property in properties)
        {
            columns.Append(", ").Append(property.Expression);
        }

        return $"({collection.IdExpression})::text, {(withGeometry ? GeometryJson(collection, simplifyMetres, crs ?? CoordinateReferenceSystem.Crs84) : "NULL::text")}{columns}";
    }

    /// <summary>The geometry as GeoJSON, 6 decimals, exterior rings counter-clockwise (RFC 7946), simplified when asked.</summary>
    private string GeometryJson(FeatureCollectionDefinition collection, double? simplifyMetres, CoordinateReferenceSystem crs)
    {
        var raw = collection.GeometryExpression;
        var geometry = raw;
        if (simplifyMetres is not null)
        {
            var srid = options.Value.MetricSrid.ToString(CultureInfo.InvariantCulture);
            geometry = $"ST_Transform(ST_SimplifyPreserveTopology(ST_Transform({geometry}, {srid}), @simplify), 4326)";
        }

        return GeometrySql.GeoJson(raw, geometry, crs);
    }

    /// <summary>A whole GeoJSON Feature as text: id (a string), geometry, and the properties of the feature_properties row.</summary>
    private string FeatureJson(FeatureCollectionDefinition collection, double? simplifyMetres, CoordinateReferenceSystem crs) =>
        $$"""'{"type":"Feature","id":' || to_json(({{collection.IdExpression}})::text)::text || ',"geometry":' || coalesce({{GeometryJson(collection, simplifyMetres, crs)}}, 'null') || ',"properties":' || to_json(feature_properties)::text || '}'""";

    /// <summary>The properties as the columns of a row, named as on the wire (names are declared in code).</summary>
    private static string PropertyColumns(IReadOnlyList<FeatureProperty> properties) =>
        string.Join(", ", properties.Select(p => $"{p.Expression} AS \"{p.Name}\""));

    private static async Task<List<FeatureRow>> FeaturesAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var rows = new List<FeatureRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new FeatureRow(reader.GetString(0), null, [], reader.GetFieldValue<byte[]>(1)));
        }

        return rows;
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
            var envelope = request.BboxCrs.EnvelopeInStorage("@west", "@south", "@east", "@north");
            conditions.Add($"{collection.GeometryExpression} && {envelope} AND ST_Intersects({collection.GeometryExpression}, {envelope})");
        }

        if (request.Datetime is { } time && collection.Temporal is { } temporal)
        {
            // The feature's time [start, end) meets the request's [start, end]; an unknown start or end is open.
            if (time.End is { } last)
            {
                parameters.Add(new NpgsqlParameter<DateTime>("time_end", NpgsqlTypes.NpgsqlDbType.TimestampTz) { TypedValue = last });
                conditions.Add($"({temporal.Start} IS NULL OR {temporal.Start} <= @time_end)");
            }

            if (time.Start is { } first)
            {
                parameters.Add(new NpgsqlParameter<DateTime>("time_start", NpgsqlTypes.NpgsqlDbType.TimestampTz) { TypedValue = first });
                conditions.Add($"({temporal.End} IS NULL OR {temporal.End} > @time_start)");
            }
        }

        for (var i = 0; i < request.Filters.Count; i++)
        {
            var (property, value) = request.Filters[i];
            parameters.Add(new NpgsqlParameter($"filter{i}", value));
            conditions.Add($"{property.Expression} = @filter{i}");
        }

        return conditions.Count == 0 ? "true" : string.Join(" AND ", conditions);
    }

    private NpgsqlCommand Command(string sql, IEnumerable<NpgsqlParameter> parameters)
    {
        var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        return command;
    }

    private static async Task<List<FeatureRow>> RowsAsync(NpgsqlDataReader reader, IReadOnlyList<FeatureProperty> properties, bool withGeometry, CancellationToken cancellationToken)
    {
        var rows = new List<FeatureRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var values = new object?[properties.Count];
            for (var i = 0; i < properties.Count; i++)
            {
                values[i] = reader.IsDBNull(i + 2) ? null
                    : properties[i].Type == PropertyType.Date ? reader.GetFieldValue<DateOnly>(i + 2)
                    : reader.GetValue(i + 2);
            }

            rows.Add(new FeatureRow(reader.GetString(0), withGeometry && !reader.IsDBNull(1) ? reader.GetFieldValue<byte[]>(1) : null, values));
        }

        return rows;
    }
}
