using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace DistrictMap.Api.Import.Lookup;

/// <summary>
/// Imports an ONS best-fit LSOA-to-ward lookup, whatever its vintage's column names, in one transaction.
/// LSOAs the lookup does not place in a loaded ward are then assigned by largest area overlap.
/// </summary>
public sealed partial class LookupImporter(NpgsqlDataSource dataSource)
{
    private sealed record Row(string Lsoa, string Ward, string? WardName, string? District);

    public async Task<ImportSummary> ImportAsync(LookupImportOptions options, IImportProgress progress, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var file = Path.GetFileName(options.Path);
        var district = options.District?.Trim().ToUpperInvariant();
        if (district is not null && !GssCode.IsValid(district))
        {
            throw new ImportException(file, null, $"--district {options.District} is not a GSS code (a letter and eight digits, such as E07000111)");
        }

        using var csv = CsvSource.Open(options.Path, CsvEncoding.Parse(options.Encoding, file));
        var (lsoaColumn, vintage) = Column(csv, file, LsoaCode(), options.LsoaField, "LSOAnnCD", "--lsoa-field");
        var (wardColumn, _) = Column(csv, file, WardCode(), options.WardField, "WDnnCD", "--ward-field");
        var wardName = csv.Matching(WardName()) is [var n, ..] ? n.Index : (int?)null;
        var districtColumn = csv.Matching(DistrictCode()) is [var d, ..] ? d.Index : (int?)null;
        if (vintage is not (2011 or 2021))
        {
            throw new ImportException(file, null, $"LSOA vintage {vintage} from \"{csv.Header(lsoaColumn)}\" is not supported: 2011 or 2021");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        HashSet<string>? districtWards = null;
        if (district is not null && districtColumn is null)
        {
            districtWards = await WardsOfAsync(connection, district, cancellationToken);
            if (districtWards.Count == 0)
            {
                throw new ImportException(file, null, $"cannot restrict to district {district}: the file has no LADnnCD column and no wards of that district are loaded");
            }
        }

        var rows = new List<Row>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        int read = 0, skipped = 0;
        while (csv.Read())
        {
            read++;
            var where = $"row {csv.RowNumber}";
            var lsoa = csv.Get(lsoaColumn)?.ToUpperInvariant() ?? throw new ImportException(file, where, $"no LSOA code in \"{csv.Header(lsoaColumn)}\"");
            var ward = csv.Get(wardColumn)?.ToUpperInvariant() ?? throw new ImportException(file, $"{where} ({lsoa})", $"no ward code in \"{csv.Header(wardColumn)}\"");
            var rowDistrict = csv.Get(districtColumn)?.ToUpperInvariant();
            if ((district is not null && districtColumn is not null && rowDistrict != district) || (districtWards is not null && !districtWards.Contains(ward)))
            {
                skipped++;
                continue;
            }

            foreach (var (code, column) in new[] { (lsoa, lsoaColumn), (ward, wardColumn) })
            {
                if (!GssCode.IsValid(code))
                {
                    throw new ImportException(file, where, $"\"{(code.Length > 40 ? code[..40] : code)}\" in \"{csv.Header(column)}\" is not a GSS code");
                }
            }

            if (!seen.TryAdd(lsoa, csv.RowNumber))
            {
                throw new ImportException(file, $"{where} ({lsoa})", $"the LSOA is also on row {seen[lsoa]}: a best-fit lookup has one row per LSOA");
            }

            rows.Add(new Row(lsoa, ward, csv.Get(wardName), rowDistrict ?? district));
        }

        if (rows.Count == 0)
        {
            throw new ImportException(file, null, district is null ? "no rows to import" : $"no rows for district {district}");
        }

        progress.Report("read", read, read);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var (datasets, datasetsChanged) = await DatasetRecorder.UpsertPerDistrictAsync(
                connection, rows.Select(r => r.District), (d, count) => Record(DatasetKey(vintage, d), count), cancellationToken);

            DatasetRecord Record(string key, int count) =>
                new(
                    key,
                    "lsoa-ward-lookup",
                    options.Source.Title ?? $"LSOA ({vintage}) to ward best-fit lookup",
                    options.Source.SourceUrl ?? file,
                    options.Source.Licence ?? Attribution.OglLicence,
                    options.Source.LicenceUrl ?? (options.Source.Licence is null ? Attribution.OglLicenceUrl : null),
                    options.Source.Attribution ?? Attribution.Ons,
                    options.Source.Vintage ?? (WardCode().Match(csv.Header(wardColumn)) is { Success: true } m ? GssCode.YearFromSuffix(m.Groups[1].Value).ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
                    count,
                    FileDigest.Sha256(options.Path));

            var written = await WriteAsync(connection, rows, vintage, district, datasets, cancellationToken);
            datasetsChanged += await DatasetRecorder.DeleteUncreditedAsync(connection, "lsoa-ward-lookup", ["lsoa_ward_lookup"], cancellationToken);
            await DerivedData.RefreshAsync(connection, written + datasetsChanged, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            var keys = datasets.Keys.Select(d => DatasetKey(vintage, d.Length == 0 ? null : d)).ToList();
            return new ImportSummary(ImportSummary.Keys(keys), read, skipped, written, Math.Max(0, rows.Count - written), 0, 0, clock.Elapsed);
        }
        catch (PostgresException e)
        {
            throw new ImportException(file, null, $"the database refused the data: {e.MessageText}");
        }
    }

    public static string DatasetKey(int vintage, string? district) => $"lsoa-ward-lookup-{vintage}:{district ?? "all"}";

    private static (int Index, int Vintage) Column(CsvSource csv, string file, Regex pattern, string? given, string name, string option)
    {
        if (given is not null)
        {
            var index = csv.Find(given) ?? throw new ImportException(file, null, $"{option} {given}: no such column (columns: {string.Join(", ", csv.Headers)})");
            return (index, pattern.Match(csv.Header(index)) is { Success: true } m ? GssCode.YearFromSuffix(m.Groups[1].Value) : 0);
        }

        var matches = csv.Matching(pattern);
        return matches.Count switch
        {
            1 => (matches[0].Index, GssCode.YearFromSuffix(matches[0].Match.Groups[1].Value)),
            0 => throw new ImportException(file, null, $"required column {name} not found (columns: {string.Join(", ", csv.Headers)})"),
            _ => throw new ImportException(file, null, $"several {name} columns ({string.Join(", ", matches.Select(x => csv.Header(x.Index)))}): choose one with {option}"),
        };
    }

    private static async Task<HashSet<string>> WardsOfAsync(NpgsqlConnection connection, string district, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT code FROM wards WHERE district_code = @district", connection);
        command.Parameters.AddWithValue("district", district);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            codes.Add(reader.GetString(0));
        }

        return codes;
    }

    private static async Task<int> WriteAsync(NpgsqlConnection connection, List<Row> rows, int vintage, string? district, Dictionary<string, int> datasets, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(
            "CREATE TEMP TABLE stage_lookup (lsoa_code text, ward_code text, ward_name text, district_code text, dataset_id int) ON COMMIT DROP",
            cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync("COPY stage_lookup FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(row.Lsoa, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(row.Ward, NpgsqlDbType.Text, cancellationToken);
                await (row.WardName is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(row.WardName, NpgsqlDbType.Text, cancellationToken));
                await (row.District is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(row.District, NpgsqlDbType.Text, cancellationToken));
                await writer.WriteAsync(datasets[row.District ?? ""], NpgsqlDbType.Integer, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        return await connection.CountAsync(
            """
            WITH changed AS (
                INSERT INTO lsoa_ward_lookup AS k (lsoa_code, lsoa_vintage, ward_code, ward_name, district_code, dataset_id)
                SELECT lsoa_code, @vintage, ward_code, ward_name, district_code, dataset_id FROM stage_lookup
                ON CONFLICT (lsoa_code, lsoa_vintage) DO UPDATE SET
                    ward_code = EXCLUDED.ward_code, ward_name = EXCLUDED.ward_name,
                    district_code = EXCLUDED.district_code, dataset_id = EXCLUDED.dataset_id
                WHERE (k.ward_code, k.ward_name, k.district_code, k.dataset_id)
                    IS DISTINCT FROM (EXCLUDED.ward_code, EXCLUDED.ward_name, EXCLUDED.district_code, EXCLUDED.dataset_id)
                RETURNING 1
            ), gone AS (
                DELETE FROM lsoa_ward_lookup k
                WHERE @district::text IS NOT NULL AND k.lsoa_vintage = @vintage AND k.district_code = @district::text
                  AND NOT EXISTS (SELECT 1 FROM stage_lookup s WHERE s.lsoa_code = k.lsoa_code)
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM changed) + (SELECT count(*) FROM gone)
            """,
            cancellationToken,
            ("vintage", vintage),
            ("district", district));
    }

    [GeneratedRegex("^LSOA([0-9]{2})CD$", RegexOptions.IgnoreCase)]
    private static partial Regex LsoaCode();

    [GeneratedRegex("^WD([0-9]{2})CD$", RegexOptions.IgnoreCase)]
    private static partial Regex WardCode();

    [GeneratedRegex("^WD[0-9]{2}NM$", RegexOptions.IgnoreCase)]
    private static partial Regex WardName();

    [GeneratedRegex("^LAD[0-9]{2}CD$", RegexOptions.IgnoreCase)]
    private static partial Regex DistrictCode();
}
