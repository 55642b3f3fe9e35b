using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;

namespace DistrictMap.Api.Import.Features;

/// <summary>Reads one feature table of an OGC GeoPackage.</summary>
internal static class GeoPackageReader
{
    public static FeatureSet Read(string path, string fileName, string? layer)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ConnectionString);
            connection.Open();

            var tables = Query(connection, "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name", r => r.GetString(0));
            var table = layer is not null
                ? tables.FirstOrDefault(t => string.Equals(t, layer, StringComparison.OrdinalIgnoreCase))
                    ?? throw new ImportException(fileName, null, $"no feature table called {layer} (found: {string.Join(", ", tables)})")
                : tables.Count switch
                {
                    1 => tables[0],
                    0 => throw new ImportException(fileName, null, "the GeoPackage has no feature table"),
                    _ => throw new ImportException(fileName, null, $"several feature tables ({string.Join(", ", tables)}): choose one with --layer"),
                };

            var (geometryColumn, srsId) = Query(
                    connection,
                    "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = $t",
                    r => (r.GetString(0), r.GetInt32(1)),
                    ("$t", table))
                .Single();
            var srid = srsId <= 0 ? (int?)null : Query(
                    connection,
                    "SELECT upper(organization), organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = $s",
                    r => r.GetString(0) == "EPSG" ? r.GetInt32(1) : (int?)null,
                    ("$s", srsId))
                .FirstOrDefault() ?? throw new ImportException(fileName, null, $"the layer's CRS (srs_id {srsId}) is not an EPSG one; give the EPSG code with --srid");

            var reader = new GeoPackageGeoReader();
            var features = new List<SourceFeature>();
            var fieldNames = new List<string>();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            using var rows = command.ExecuteReader();
            for (var i = 0; i < rows.FieldCount; i++)
            {
                if (!string.Equals(rows.GetName(i), geometryColumn, StringComparison.OrdinalIgnoreCase))
                {
                    fieldNames.Add(rows.GetName(i));
                }
            }

            var number = 0;
            while (rows.Read())
            {
                number++;
                var properties = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                string? error = null;
                NetTopologySuite.Geometries.Geometry? geometry = null;
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    var name = rows.GetName(i);
                    if (string.Equals(name, geometryColumn, StringComparison.OrdinalIgnoreCase))
                    {
                        if (rows.IsDBNull(i))
                        {
                            error = "the feature has no geometry";
                            continue;
                        }

                        try
                        {
                            geometry = reader.Read((byte[])rows.GetValue(i));
                        }
                        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or IOException or ParseException or InvalidCastException)
                        {
                            error = $"invalid geometry ({e.Message.Split('\n')[0]})";
                        }

                        continue;
                    }

                    properties[name] = rows.IsDBNull(i) ? null : Convert.ToString(rows.GetValue(i), CultureInfo.InvariantCulture);
                }

                features.Add(geometry is null || geometry.IsEmpty
                    ? new SourceFeature(number, properties, null, error ?? "the feature has no geometry")
                    : new SourceFeature(number, properties, geometry, null));
            }

            return new FeatureSet(fileName, fieldNames, srid, features);
        }
        catch (SqliteException e)
        {
            throw new ImportException(fileName, null, $"not a readable GeoPackage ({e.Message})");
        }
    }

    private static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var result = new List<T>();
        while (reader.Read())
        {
            result.Add(map(reader));
        }

        return result;
    }
}
