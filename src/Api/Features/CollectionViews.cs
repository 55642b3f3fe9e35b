using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace DistrictMap.Api.Features;

/// <summary>
/// Publishes each declared collection as a database view with the properties and geometry the API serves, built from
/// the same declaration, so that tools reading PostGIS directly (desktop GIS, MapServer, the benchmarks) see what
/// the API serves. The views are replaced together in one transaction.
/// </summary>
public sealed partial class CollectionViews(NpgsqlDataSource dataSource, IEnumerable<FeatureCollectionDefinition> collections)
{
    public const string DefaultSchema = "collections";

    /// <summary>A plain lower-case SQL identifier: the only schema names accepted.</summary>
    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    public static partial Regex SchemaName();

    /// <returns>The views written, as schema.name.</returns>
    public async Task<IReadOnlyList<string>> PublishAsync(string schema, CancellationToken cancellationToken)
    {
        if (!SchemaName().IsMatch(schema))
        {
            throw new ArgumentException($"\"{schema}\" is not a schema name: use lower-case letters, digits and _, starting with a letter or _", nameof(schema));
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {schema}", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var written = new List<string>();
        foreach (var collection in collections.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            await using var command = new NpgsqlCommand($"DROP VIEW IF EXISTS {schema}.{ViewName(collection)}; {ViewSql(schema, collection)}", connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
            written.Add($"{schema}.{ViewName(collection)}");
        }

        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>The collection's id as an SQL name: <c>green-spaces</c> becomes <c>green_spaces</c>.</summary>
    public static string ViewName(FeatureCollectionDefinition collection) => collection.Id.Replace('-', '_');

    /// <summary>The view of one collection: its declared properties by name, and its geometry as <c>geom</c>.</summary>
    public static string ViewSql(string schema, FeatureCollectionDefinition collection)
    {
        var sql = new StringBuilder($"CREATE VIEW {schema}.{ViewName(collection)} AS SELECT ");
        foreach (var property in collection.Properties)
        {
            sql.Append(property.Expression).Append(" AS \"").Append(property.Name).Append("\", ");
        }

        sql.Append(collection.GeometryExpression).Append(" AS geom FROM ").Append(collection.From);
        if (collection.Where is { } where)
        {
            sql.Append(" WHERE ").Append(where);
        }

        return sql.ToString();
    }
}
