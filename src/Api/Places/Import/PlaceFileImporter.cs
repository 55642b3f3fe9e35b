using System.Diagnostics;
using DistrictMap.Api.Import;
using DistrictMap.Api.Import.Features;
using NetTopologySuite.Geometries;
using Npgsql;

namespace DistrictMap.Api.Places.Import;

/// <summary>
/// Imports one layer of places from a GeoJSON, Shapefile or GeoPackage file with a field mapping, in one transaction:
/// on any error nothing is written. Re-importing the same file changes nothing.
/// </summary>
public sealed class PlaceFileImporter(NpgsqlDataSource dataSource)
{
    /// <summary>A field of the layer and the file field it is read from (null when the file has none).</summary>
    private sealed record Mapping(PlaceField Field, string? Source, string? Value);

    public async Task<ImportSummary> ImportAsync(PlaceImportOptions options, IImportProgress progress, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var set = FeatureFileReader.Read(options.Path, options.FileLayer);
        var file = set.FileName;
        progress.Report("read", set.Features.Count, set.Features.Count);
        var district = PlaceImport.District(options.District, file);
        var srid = options.Srid ?? set.DeclaredSrid ?? CrsNames.Wgs84;
        var records = Validate(set, options, srid);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await PlaceImport.CheckSridAsync(connection, srid, file, cancellationToken);
            var result = await PlaceWriter.WriteAsync(
                connection,
                new PlaceBatch(options.Layer, file, set.Features.Count, records, district,
                    rows => PlaceProvenance.ForFile(options.Layer, options.Path, file, district, options.Sample, options.Source, rows)),
                progress,
                clock,
                cancellationToken);
            if (result.Kept == 0)
            {
                throw new ImportException(file, null, district is null ? "no features to import" : $"no features in district {district}");
            }

            await DerivedData.RefreshAsync(connection, result.Changes, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result.Summary with { Elapsed = clock.Elapsed };
        }
        catch (PostgresException e)
        {
            throw new ImportException(file, null, $"the database refused the data: {e.MessageText}");
        }
    }

    private static List<PlaceRecord> Validate(FeatureSet set, PlaceImportOptions options, int srid)
    {
        var layer = options.Layer;
        var idField = Find(set, PlaceFields.Id, options);
        var sampleField = Find(set, PlaceFields.Sample, options);
        var mappings = PlaceFields.For(layer).Select(field => Map(set, field, options)).ToList();
        var records = new List<PlaceRecord>(set.Features.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var feature in set.Features)
        {
            var id = feature.Property(idField);
            var label = id is null ? $"feature {feature.Number}" : $"feature {feature.Number} ({PlaceValues.Shorten(id, 40)})";
            var sourceId = id ?? $"#{feature.Number}";
            if (!seen.TryAdd(sourceId, feature.Number))
            {
                throw new ImportException(set.FileName, label, $"the id is also used by feature {seen[sourceId]}");
            }

            if (!Kept(feature, options.Keep, out var kept))
            {
                continue;
            }

            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var mapping in mappings)
            {
                var text = (mapping.Source is { } field ? kept.GetValueOrDefault(field) : null) ?? feature.Property(mapping.Source) ?? mapping.Value;
                if (text is null)
                {
                    values[mapping.Field.Column] = mapping.Field.Required
                        ? throw new ImportException(set.FileName, label, $"no {mapping.Field.Column.Replace('_', ' ')} (field {mapping.Source} is empty{GiveValue(mapping.Field)})")
                        : null;
                    continue;
                }

                try
                {
                    values[mapping.Field.Column] = PlaceValues.Parse(mapping.Field, text);
                }
                catch (FormatException e)
                {
                    throw new ImportException(set.FileName, label, mapping.Source is null ? $"{e.Message} ({mapping.Field.ValueOption})" : $"{e.Message} (field {mapping.Source})");
                }
            }

            if (feature.GeometryError is not null)
            {
                throw new ImportException(set.FileName, label, feature.GeometryError);
            }

            var geometry = feature.Geometry!;
            if (!GeometryFits(layer, geometry))
            {
                throw new ImportException(set.FileName, label, $"a {geometry.GeometryType} where {Expected(layer)} was expected for a {layer.Noun()}");
            }

            if (CoordinateCheck.Problem(geometry, srid) is { } problem)
            {
                throw new ImportException(set.FileName, label, problem);
            }

            geometry.SRID = srid;
            records.Add(new PlaceRecord(feature.Number, sourceId, label, geometry, values, options.Sample || PlaceValues.IsTrue(feature.Property(sampleField))));
        }

        return records;
    }

    /// <summary>Whether a feature passes the import's keep filter, with the values its kept fields stand for.</summary>
    private static bool Kept(SourceFeature feature, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> keep, out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, allowed) in keep)
        {
            if (feature.Property(field) is not { } value || allowed.FirstOrDefault(a => string.Equals(a.Key, value, StringComparison.OrdinalIgnoreCase)) is not { Key: not null } match)
            {
                return false;
            }

            values[field] = match.Value;
        }

        return true;
    }

    private static Mapping Map(FeatureSet set, PlaceField field, PlaceImportOptions options)
    {
        var source = Find(set, field, options);
        var value = options.Values.GetValueOrDefault(field.Column) ?? field.Fallback;
        if (value is not null)
        {
            try
            {
                PlaceValues.Parse(field, value);
            }
            catch (FormatException e)
            {
                throw new ImportException(set.FileName, null, $"{field.ValueOption} {value}: {e.Message}");
            }
        }

        if (field.Required && source is null && value is null)
        {
            throw new ImportException(
                set.FileName,
                null,
                $"no {field.Column.Replace('_', ' ')} field found (fields: {string.Join(", ", set.FieldNames)}); name it with {field.Option}{GiveValue(field)}");
        }

        return new Mapping(field, source, value);
    }

    /// <summary>The file field for a column: the one an option names (which must exist), else the first default name the file has.</summary>
    private static string? Find(FeatureSet set, PlaceField field, PlaceImportOptions options)
    {
        if (options.Fields.GetValueOrDefault(field.Column) is { } given)
        {
            return set.FieldNames.FirstOrDefault(f => string.Equals(f, given, StringComparison.OrdinalIgnoreCase))
                ?? throw new ImportException(set.FileName, null, $"{field.Option} {given}: no such field (fields: {string.Join(", ", set.FieldNames)})");
        }

        return field.Candidates.Select(c => set.FieldNames.FirstOrDefault(f => string.Equals(f, c, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(f => f is not null);
    }

    private static string GiveValue(PlaceField field) => field.ValueOption is null ? "" : $", or give every feature one with {field.ValueOption}";

    private static bool GeometryFits(PlaceLayer layer, Geometry geometry) => layer switch
    {
        PlaceLayer.Routes => geometry is LineString or MultiLineString,
        PlaceLayer.GreenSpaces => geometry is Polygon or MultiPolygon,
        PlaceLayer.TownCentreProjects => geometry is Point or Polygon or MultiPolygon,
        _ => geometry is Point,
    };

    private static string Expected(PlaceLayer layer) => layer switch
    {
        PlaceLayer.Routes => "a LineString or MultiLineString",
        PlaceLayer.GreenSpaces => "a Polygon or MultiPolygon",
        PlaceLayer.TownCentreProjects => "a Point, Polygon or MultiPolygon",
        _ => "a Point",
    };
}

/// <summary>Checks shared by the place importers.</summary>
internal static class PlaceImport
{
    public static string? District(string? given, string file)
    {
        var district = given?.Trim().ToUpperInvariant();
        return district is null || GssCode.IsValid(district)
            ? district
            : throw new ImportException(file, null, $"--district {given} is not a GSS code (a letter and eight digits, such as E07000111)");
    }

    public static async Task CheckSridAsync(NpgsqlConnection connection, int srid, string file, CancellationToken cancellationToken)
    {
        if (!await connection.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM spatial_ref_sys WHERE srid = @srid)", cancellationToken, ("srid", srid)))
        {
            throw new ImportException(file, null, $"unknown CRS EPSG:{srid}");
        }
    }
}
