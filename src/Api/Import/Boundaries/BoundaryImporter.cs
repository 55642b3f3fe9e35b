using System.Diagnostics;
using DistrictMap.Api.Import.Features;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace DistrictMap.Api.Import.Boundaries;

/// <summary>
/// Imports district, ward or LSOA boundaries in one transaction: on any error nothing is written.
/// Re-importing the same file changes nothing.
/// </summary>
public sealed class BoundaryImporter(NpgsqlDataSource dataSource)
{
    private sealed record Row(int Number, string Code, string Name, string? DistrictCode, string? DistrictName, Geometry Geometry);

    public async Task<ImportSummary> ImportAsync(BoundaryImportOptions options, IImportProgress progress, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var set = FeatureFileReader.Read(options.Path, options.Layer);
        var file = set.FileName;
        progress.Report("read", set.Features.Count, set.Features.Count);

        var fields = BoundaryFields.Detect(options.Kind, set, options);
        var srid = options.Srid ?? set.DeclaredSrid ?? CrsNames.Wgs84;
        var vintage = options.Kind == BoundaryKind.Lsoas ? LsoaVintage(options, fields, file) : (int?)null;
        var district = options.District?.Trim().ToUpperInvariant();
        if (district is not null && !GssCode.IsValid(district))
        {
            throw new ImportException(file, null, $"--district {options.District} is not a GSS code (a letter and eight digits, such as E07000111)");
        }

        var (rows, skipped) = Validate(set, fields, options.Kind, district, srid);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            if (!await connection.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM spatial_ref_sys WHERE srid = @srid)", cancellationToken, ("srid", srid)))
            {
                throw new ImportException(file, null, $"unknown CRS EPSG:{srid}");
            }

            await StageAsync(connection, rows, progress, cancellationToken);
            skipped += await FilterAndLocateAsync(connection, options.Kind, fields, district, file, cancellationToken);

            var first = await connection.FirstRowAsync(BoundarySql.FirstEmpty, cancellationToken);
            if (first is { } empty)
            {
                throw new ImportException(file, $"feature {empty.Ordinal} ({empty.Code})", "the geometry has no area (after repair it is empty)");
            }

            var (kept, repaired) = await CountKeptAsync(connection, cancellationToken);
            if (kept == 0)
            {
                throw new ImportException(file, null, district is null ? "no features to import" : $"no features in district {district}");
            }

            // One provenance record per district of the file, so that importing a file for one district never
            // rewrites what another district's boundaries were credited to.
            var keys = new List<string>();
            var datasetsChanged = 0;
            foreach (var (groupDistrict, count) in await DistrictsOfAsync(connection, options.Kind, cancellationToken))
            {
                var record = Provenance(options, fields, file, district ?? groupDistrict, vintage, count);
                var (datasetId, changed) = await DatasetRecorder.UpsertAsync(connection, record, cancellationToken);
                await connection.ExecuteAsync(BoundarySql.SetDataset(options.Kind), cancellationToken, ("dataset", datasetId), ("district", groupDistrict));
                keys.Add(record.Key);
                datasetsChanged += changed ? 1 : 0;
            }

            progress.Report("write", 0, kept);
            var written = await WriteAsync(connection, options.Kind, vintage, cancellationToken);
            datasetsChanged += await connection.CountAsync(BoundarySql.DeleteUncredited(options.Kind), cancellationToken);
            progress.Report("write", kept, kept);

            await DerivedData.RefreshAsync(connection, written + datasetsChanged, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ImportSummary(ImportSummary.Keys(keys), set.Features.Count, skipped, written, Math.Max(0, kept - written), repaired, 0, clock.Elapsed);
        }
        catch (PostgresException e)
        {
            throw new ImportException(file, null, $"the database refused the data: {e.MessageText}");
        }
    }

    private static int LsoaVintage(BoundaryImportOptions options, BoundaryFields fields, string file)
    {
        var vintage = options.LsoaVintage ?? fields.Year;
        return vintage is 2011 or 2021
            ? vintage.Value
            : throw new ImportException(file, null, vintage is null
                ? $"the LSOA vintage is not in the field name {fields.Code}: give --vintage 2011 or 2021"
                : $"LSOA vintage {vintage} is not supported: 2011 or 2021");
    }

    private static (List<Row> Rows, int Skipped) Validate(FeatureSet set, BoundaryFields fields, BoundaryKind kind, string? district, int srid)
    {
        var rows = new List<Row>(set.Features.Count);
        var skipped = 0;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var feature in set.Features)
        {
            var featureDistrict = feature.Property(fields.DistrictCode)?.ToUpperInvariant();
            var featureCode = kind == BoundaryKind.Districts ? feature.Property(fields.Code)?.ToUpperInvariant() : null;
            if (district is not null
                && ((fields.DistrictCode is not null && featureDistrict != district) || (featureCode is not null && featureCode != district)))
            {
                skipped++;
                continue;
            }

            var code = feature.Property(fields.Code)?.ToUpperInvariant()
                ?? throw Fail(set, feature, null, $"no code in field {fields.Code}");
            if (!GssCode.IsValid(code))
            {
                throw Fail(set, feature, null, $"\"{Shorten(code)}\" in {fields.Code} is not a GSS code (a letter and eight digits)");
            }

            if (!seen.TryAdd(code, feature.Number))
            {
                throw Fail(set, feature, code, $"the code is also used by feature {seen[code]}");
            }

            var name = feature.Property(fields.Name) ?? throw Fail(set, feature, code, $"no name in field {fields.Name}");
            if (featureDistrict is not null && !GssCode.IsValid(featureDistrict))
            {
                throw Fail(set, feature, code, $"\"{Shorten(featureDistrict)}\" in {fields.DistrictCode} is not a GSS code");
            }

            if (feature.GeometryError is not null)
            {
                throw Fail(set, feature, code, feature.GeometryError);
            }

            var geometry = feature.Geometry!;
            if (geometry is not (Polygon or MultiPolygon))
            {
                throw Fail(set, feature, code, $"a {geometry.GeometryType} where a Polygon or MultiPolygon was expected");
            }

            if (CoordinateCheck.Problem(geometry, srid) is { } problem)
            {
                throw Fail(set, feature, code, problem);
            }

            geometry.SRID = srid;
            rows.Add(new Row(feature.Number, code, Shorten(name, 200), featureDistrict, feature.Property(fields.DistrictName), geometry));
        }

        return (rows, skipped);
    }

    private static async Task StageAsync(NpgsqlConnection connection, List<Row> rows, IImportProgress progress, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(BoundarySql.CreateStage, cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync(BoundarySql.Copy, cancellationToken))
        {
            var done = 0;
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(row.Number, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(row.Code, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(row.Name, NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(writer, row.DistrictCode, cancellationToken);
                await WriteNullableAsync(writer, row.DistrictName, cancellationToken);
                await writer.WriteAsync(row.Geometry, NpgsqlDbType.Geometry, cancellationToken);
                if (++done % 1000 == 0)
                {
                    progress.Report("stage", done, rows.Count);
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await connection.ExecuteAsync(BoundarySql.Prepare, cancellationToken);
    }

    /// <summary>Applies the district filter and finds the district of features whose file does not give it.</summary>
    private static async Task<int> FilterAndLocateAsync(NpgsqlConnection connection, BoundaryKind kind, BoundaryFields fields, string? district, string file, CancellationToken cancellationToken)
    {
        if (kind == BoundaryKind.Districts)
        {
            return 0;
        }

        var skipped = 0;
        if (district is not null && fields.DistrictCode is null)
        {
            if (await connection.ScalarAsync<bool?>(BoundarySql.DistrictHasBoundary, cancellationToken, ("district", district)) != true)
            {
                throw new ImportException(
                    file,
                    null,
                    $"cannot restrict to district {district}: the file has no LADnnCD field and that district's boundary is not loaded (import districts first, or name the field with --district-field)");
            }

            skipped = await connection.CountAsync(BoundarySql.FilterByDistrictBoundary, cancellationToken, ("district", district));
            await connection.ExecuteAsync(BoundarySql.SetDistrict, cancellationToken, ("district", district));
        }
        else if (fields.DistrictCode is null)
        {
            await connection.ExecuteAsync(BoundarySql.LocateDistricts, cancellationToken);
        }

        if (kind == BoundaryKind.Wards && await connection.FirstRowAsync(BoundarySql.FirstWithoutDistrict, cancellationToken) is { } orphan)
        {
            throw new ImportException(
                file,
                $"feature {orphan.Ordinal} ({orphan.Code})",
                "no district: the file has no LADnnCD field and no loaded district boundary holds the ward (import districts first, or give --district)");
        }

        return skipped;
    }

    private static async Task<(int Kept, int Repaired)> CountKeptAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(BoundarySql.CountKeptAndRepaired, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }

    /// <summary>The districts of the staged features (a district's own code for district boundaries; null when unknown) and how many each has.</summary>
    private static async Task<List<(string? District, int Rows)>> DistrictsOfAsync(NpgsqlConnection connection, BoundaryKind kind, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync("ALTER TABLE stage_prepared ADD COLUMN dataset_id int", cancellationToken);
        await using var command = new NpgsqlCommand(BoundarySql.DistrictsOf(kind), connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var districts = new List<(string?, int)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            districts.Add((reader.IsDBNull(0) ? null : reader.GetString(0), (int)reader.GetInt64(1)));
        }

        return districts;
    }

    private static async Task<int> WriteAsync(NpgsqlConnection connection, BoundaryKind kind, int? vintage, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case BoundaryKind.Districts:
                return await connection.CountAsync(BoundarySql.UpsertDistricts, cancellationToken);
            case BoundaryKind.Wards:
                // Districts named by the wards are created as a side effect, not counted as written rows of this dataset.
                await connection.ExecuteAsync(BoundarySql.EnsureDistricts, cancellationToken);
                return await connection.CountAsync(BoundarySql.UpsertWards, cancellationToken)
                    + await connection.CountAsync(BoundarySql.DeleteMissingWards, cancellationToken);
            default:
                await connection.ExecuteAsync(BoundarySql.EnsureDistricts, cancellationToken);
                return await connection.CountAsync(BoundarySql.UpsertLsoas, cancellationToken, ("vintage", vintage))
                    + await connection.CountAsync(BoundarySql.DeleteMissingLsoas, cancellationToken, ("vintage", vintage));
        }
    }

    private static DatasetRecord Provenance(BoundaryImportOptions options, BoundaryFields fields, string file, string? district, int? vintage, int rows)
    {
        var source = options.Source;
        var year = source.Vintage ?? fields.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var what = options.Kind switch
        {
            BoundaryKind.Districts => "Local authority district boundaries",
            BoundaryKind.Wards => "Electoral ward boundaries",
            _ => $"LSOA ({vintage}) boundaries",
        };
        return new DatasetRecord(
            Key: DatasetKey(options.Kind, district, vintage),
            Kind: options.Kind switch
            {
                BoundaryKind.Districts => "districts",
                BoundaryKind.Wards => "wards",
                _ => "lsoas",
            },
            Title: source.Title ?? (year is null ? what : $"{what} ({year})"),
            Source: source.SourceUrl ?? file,
            Licence: source.Licence ?? Attribution.OglLicence,
            LicenceUrl: source.LicenceUrl ?? (source.Licence is null ? Attribution.OglLicenceUrl : null),
            Attribution: source.Attribution ?? Attribution.OnsBoundaries(YearOf(year)),
            Vintage: year,
            Rows: rows,
            Sha256: FileDigest.Sha256(options.Path));
    }

    private static string? YearOf(string? vintage) =>
        vintage is null ? null : System.Text.RegularExpressions.Regex.Match(vintage, "[0-9]{4}") is { Success: true } m ? m.Value : null;

    public static string DatasetKey(BoundaryKind kind, string? district, int? vintage) => kind switch
    {
        BoundaryKind.Districts => $"districts:{district ?? "all"}",
        BoundaryKind.Wards => $"wards:{district ?? "all"}",
        _ => $"lsoas-{vintage}:{district ?? "all"}",
    };

    private static ImportException Fail(FeatureSet set, SourceFeature feature, string? code, string reason) =>
        new(set.FileName, code is null ? $"feature {feature.Number}" : $"feature {feature.Number} ({code})", reason);

    private static string Shorten(string value, int length = 40) => value.Length <= length ? value : string.Concat(value.AsSpan(0, length), "…");

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
}
