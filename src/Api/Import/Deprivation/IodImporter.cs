using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace DistrictMap.Api.Import.Deprivation;

/// <summary>
/// Imports the English Indices of Deprivation per LSOA (scores, ranks, deciles, transformed scores and
/// population denominators) in one transaction. Re-importing the same file changes nothing.
/// </summary>
public sealed class IodImporter(NpgsqlDataSource dataSource)
{
    private sealed record ScoreRow(string Lsoa, string Domain, double? Score, int? Rank, int? Decile, double? Transformed);

    private sealed record PopulationRow(string Lsoa, int? Total, int? Children, int? Aged16To59, int? Aged60Plus, int? WorkingAge);

    private sealed record Release(string Code, int LsoaVintage, int LsoaCount);

    public async Task<ImportSummary> ImportAsync(IodImportOptions options, IImportProgress progress, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var file = Path.GetFileName(options.Path);
        var district = options.District?.Trim().ToUpperInvariant();
        if (district is not null && !GssCode.IsValid(district))
        {
            throw new ImportException(file, null, $"--district {options.District} is not a GSS code (a letter and eight digits, such as E07000111)");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var releases = await ReleasesAsync(connection, cancellationToken);

        using var csv = CsvSource.Open(options.Path, CsvEncoding.Parse(options.Encoding, file));
        var columns = IodLayout.Find(csv, file, districtRequired: district is not null);
        var release = ChooseRelease(options.Release, columns.LsoaVintage, releases, file);

        var scores = new List<ScoreRow>();
        var populations = new List<PopulationRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var districtOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        int read = 0, skipped = 0;
        while (csv.Read())
        {
            read++;
            if (district is not null && !string.Equals(csv.Get(columns.DistrictCode), district, StringComparison.OrdinalIgnoreCase))
            {
                skipped++;
                continue;
            }

            var row = csv.RowNumber;
            var lsoa = csv.Get(columns.LsoaCode)?.ToUpperInvariant()
                ?? throw new ImportException(file, $"row {row}", $"no LSOA code in \"{csv.Header(columns.LsoaCode)}\"");
            if (!GssCode.IsValid(lsoa))
            {
                throw new ImportException(file, $"row {row}", $"\"{Shorten(lsoa)}\" in \"{csv.Header(columns.LsoaCode)}\" is not an LSOA code");
            }

            if (!seen.TryAdd(lsoa, row))
            {
                throw new ImportException(file, $"row {row} ({lsoa})", $"the LSOA is also on row {seen[lsoa]}");
            }

            var where = $"row {row} ({lsoa})";
            var rowDistrict = csv.Get(columns.DistrictCode)?.ToUpperInvariant();
            if (rowDistrict is not null && !GssCode.IsValid(rowDistrict))
            {
                throw new ImportException(file, where, $"\"{Shorten(rowDistrict)}\" in \"{columns.DistrictHeader}\" is not a district code");
            }

            districtOf[lsoa] = rowDistrict ?? district;
            foreach (var domain in columns.Domains)
            {
                var score = Number(csv, domain.Score, file, where);
                var rank = Whole(csv, domain.Rank, file, where);
                var decile = Whole(csv, domain.Decile, file, where);
                var transformed = Number(csv, domain.TransformedScore, file, where);
                if (rank is < 1 || rank > release.LsoaCount)
                {
                    throw new ImportException(file, where, $"rank {rank} in \"{csv.Header(domain.Rank!.Value)}\" is outside 1..{release.LsoaCount} for {release.Code}");
                }

                if (decile is < 1 or > 10)
                {
                    throw new ImportException(file, where, $"decile {decile} in \"{csv.Header(domain.Decile!.Value)}\" is outside 1..10");
                }

                if (domain.Domain == columns.Domains[0].Domain && (rank is null || decile is null))
                {
                    throw new ImportException(file, where, "the IMD rank and decile are required");
                }

                if (score is not null || rank is not null || decile is not null || transformed is not null)
                {
                    scores.Add(new ScoreRow(lsoa, domain.Domain, score, rank, decile, transformed));
                }
            }

            if (columns.Population.Any)
            {
                var p = columns.Population;
                populations.Add(new PopulationRow(
                    lsoa,
                    Population(csv, p.Total, file, where),
                    Population(csv, p.Children0To15, file, where),
                    Population(csv, p.Aged16To59, file, where),
                    Population(csv, p.Aged60AndOver, file, where),
                    Population(csv, p.WorkingAge, file, where)));
            }

            if (read % 5000 == 0)
            {
                progress.Report("read", read, null);
            }
        }

        if (seen.Count == 0)
        {
            throw new ImportException(file, null, district is null ? "no rows to import" : $"no rows for district {district} in \"{columns.DistrictHeader}\"");
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            // One provenance record per district: from the file's district column, else from the LSOAs as loaded.
            if (districtOf.ContainsValue(null))
            {
                await FillDistrictsFromLsoasAsync(connection, release.LsoaVintage, districtOf, cancellationToken);
            }

            var (datasets, datasetsChanged) = await DatasetRecorder.UpsertPerDistrictAsync(
                connection, districtOf.Values, (d, count) => Provenance(options, file, d, release, count), cancellationToken);
            int DatasetOf(string lsoa) => datasets[districtOf[lsoa] ?? ""];
            progress.Report("write", 0, seen.Count);
            var written = await WriteScoresAsync(connection, release.Code, DatasetOf, scores, cancellationToken)
                + await WritePopulationsAsync(connection, release.Code, DatasetOf, populations, cancellationToken);
            datasetsChanged += await DatasetRecorder.DeleteUncreditedAsync(connection, "iod", ["deprivation_scores", "lsoa_populations"], cancellationToken);
            progress.Report("write", seen.Count, seen.Count);
            await DerivedData.RefreshAsync(connection, written + datasetsChanged, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            var unchanged = Math.Max(0, scores.Count + populations.Count - written);
            var keys = datasets.Keys.Select(d => DatasetKey(release.Code, d.Length == 0 ? null : d)).ToList();
            return new ImportSummary(ImportSummary.Keys(keys), read, skipped, written, unchanged, 0, 0, clock.Elapsed);
        }
        catch (PostgresException e)
        {
            throw new ImportException(file, null, $"the database refused the data: {e.MessageText}");
        }
    }

    public static string DatasetKey(string release, string? district) => $"iod:{release}:{district ?? "all"}";

    private static async Task FillDistrictsFromLsoasAsync(NpgsqlConnection connection, int vintage, Dictionary<string, string?> districtOf, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT code, district_code FROM lsoas WHERE vintage = @vintage AND code = ANY(@codes) AND district_code IS NOT NULL", connection);
        command.Parameters.AddWithValue("vintage", vintage);
        command.Parameters.AddWithValue("codes", districtOf.Where(p => p.Value is null).Select(p => p.Key).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            districtOf[reader.GetString(0)] = reader.GetString(1);
        }
    }

    private static async Task<List<Release>> ReleasesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT code, lsoa_vintage, lsoa_count FROM iod_releases ORDER BY code", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var releases = new List<Release>();
        while (await reader.ReadAsync(cancellationToken))
        {
            releases.Add(new Release(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        }

        return releases;
    }

    private static Release ChooseRelease(string? requested, int vintage, List<Release> releases, string file)
    {
        if (requested is not null)
        {
            var release = releases.FirstOrDefault(r => string.Equals(r.Code, requested, StringComparison.OrdinalIgnoreCase))
                ?? throw new ImportException(file, null, $"unknown release {requested} (known: {string.Join(", ", releases.Select(r => r.Code))})");
            return release.LsoaVintage == vintage
                ? release
                : throw new ImportException(file, null, $"{release.Code} uses LSOA {release.LsoaVintage} codes but the file has LSOA {vintage} codes");
        }

        var matching = releases.Where(r => r.LsoaVintage == vintage).ToList();
        return matching.Count == 1
            ? matching[0]
            : throw new ImportException(file, null, $"cannot tell the IoD release from LSOA {vintage} codes: give --release");
    }

    private static double? Number(CsvSource csv, int? column, string file, string where)
    {
        var text = csv.Get(column);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new ImportException(file, where, $"\"{Shorten(text)}\" in \"{csv.Header(column!.Value)}\" is not a number");
    }

    private static int? Whole(CsvSource csv, int? column, string file, string where)
    {
        var text = csv.Get(column);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ImportException(file, where, $"\"{Shorten(text)}\" in \"{csv.Header(column!.Value)}\" is not a whole number");
    }

    private static int? Population(CsvSource csv, int? column, string file, string where)
    {
        var value = Whole(csv, column, file, where);
        return value is < 0
            ? throw new ImportException(file, where, $"population {value} in \"{csv.Header(column!.Value)}\" is negative")
            : value;
    }

    private static async Task<int> WriteScoresAsync(NpgsqlConnection connection, string release, Func<string, int> datasetOf, List<ScoreRow> rows, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(
            "CREATE TEMP TABLE stage_scores (lsoa_code text, domain text, score double precision, rank int, decile int, transformed_score double precision, dataset_id int) ON COMMIT DROP",
            cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync("COPY stage_scores FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(row.Lsoa, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(row.Domain, NpgsqlDbType.Text, cancellationToken);
                await WriteAsync(writer, row.Score, NpgsqlDbType.Double, cancellationToken);
                await WriteAsync(writer, row.Rank, NpgsqlDbType.Integer, cancellationToken);
                await WriteAsync(writer, row.Decile, NpgsqlDbType.Integer, cancellationToken);
                await WriteAsync(writer, row.Transformed, NpgsqlDbType.Double, cancellationToken);
                await writer.WriteAsync(datasetOf(row.Lsoa), NpgsqlDbType.Integer, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        return await connection.CountAsync(
            """
            WITH changed AS (
                INSERT INTO deprivation_scores AS d (release, lsoa_code, domain, score, rank, decile, transformed_score, dataset_id)
                SELECT @release, lsoa_code, domain, score, rank, decile, transformed_score, dataset_id FROM stage_scores
                ON CONFLICT (release, lsoa_code, domain) DO UPDATE SET
                    score = EXCLUDED.score, rank = EXCLUDED.rank, decile = EXCLUDED.decile,
                    transformed_score = EXCLUDED.transformed_score, dataset_id = EXCLUDED.dataset_id
                WHERE (d.score, d.rank, d.decile, d.transformed_score, d.dataset_id)
                    IS DISTINCT FROM (EXCLUDED.score, EXCLUDED.rank, EXCLUDED.decile, EXCLUDED.transformed_score, EXCLUDED.dataset_id)
                RETURNING 1
            ), gone AS (
                DELETE FROM deprivation_scores d
                WHERE d.release = @release
                  AND d.lsoa_code IN (SELECT lsoa_code FROM stage_scores)
                  AND NOT EXISTS (SELECT 1 FROM stage_scores s WHERE s.lsoa_code = d.lsoa_code AND s.domain = d.domain)
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM changed) + (SELECT count(*) FROM gone)
            """,
            cancellationToken,
            ("release", release));
    }

    private static async Task<int> WritePopulationsAsync(NpgsqlConnection connection, string release, Func<string, int> datasetOf, List<PopulationRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        await connection.ExecuteAsync(
            "CREATE TEMP TABLE stage_population (lsoa_code text, total int, children_0_15 int, aged_16_59 int, aged_60_and_over int, working_age int, dataset_id int) ON COMMIT DROP",
            cancellationToken);
        await using (var writer = await connection.BeginBinaryImportAsync("COPY stage_population FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(row.Lsoa, NpgsqlDbType.Text, cancellationToken);
                await WriteAsync(writer, row.Total, NpgsqlDbType.Integer, cancellationToken);
                await WriteAsync(writer, row.Children, NpgsqlDbType.Integer, cancellationToken);
                await WriteAsync(writer, row.Aged16To59, NpgsqlDbType.Integer, cancellationToken);
                await WriteAsync(writer, row.Aged60Plus, NpgsqlDbType.Integer, cancellationToken);
                await WriteAsync(writer, row.WorkingAge, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(datasetOf(row.Lsoa), NpgsqlDbType.Integer, cancellationToken);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        return await connection.CountAsync(
            """
            WITH changed AS (
                INSERT INTO lsoa_populations AS p (release, lsoa_code, total, children_0_15, aged_16_59, aged_60_and_over, working_age, dataset_id)
                SELECT @release, lsoa_code, total, children_0_15, aged_16_59, aged_60_and_over, working_age, dataset_id FROM stage_population
                ON CONFLICT (release, lsoa_code) DO UPDATE SET
                    total = EXCLUDED.total, children_0_15 = EXCLUDED.children_0_15, aged_16_59 = EXCLUDED.aged_16_59,
                    aged_60_and_over = EXCLUDED.aged_60_and_over, working_age = EXCLUDED.working_age, dataset_id = EXCLUDED.dataset_id
                WHERE (p.total, p.children_0_15, p.aged_16_59, p.aged_60_and_over, p.working_age, p.dataset_id)
                    IS DISTINCT FROM (EXCLUDED.total, EXCLUDED.children_0_15, EXCLUDED.aged_16_59, EXCLUDED.aged_60_and_over, EXCLUDED.working_age, EXCLUDED.dataset_id)
                RETURNING 1
            )
            SELECT count(*) FROM changed
            """,
            cancellationToken,
            ("release", release));
    }

    private static DatasetRecord Provenance(IodImportOptions options, string file, string? district, Release release, int rows)
    {
        var source = options.Source;
        var year = release.Code[^4..];
        return new DatasetRecord(
            Key: DatasetKey(release.Code, district),
            Kind: "iod",
            Title: source.Title ?? $"English Indices of Deprivation {year}",
            Source: source.SourceUrl ?? file,
            Licence: source.Licence ?? Attribution.OglLicence,
            LicenceUrl: source.LicenceUrl ?? (source.Licence is null ? Attribution.OglLicenceUrl : null),
            Attribution: source.Attribution ?? Attribution.Iod,
            Vintage: source.Vintage ?? year,
            Rows: rows,
            Sha256: FileDigest.Sha256(options.Path));
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } v ? writer.WriteAsync(v, type, cancellationToken) : writer.WriteNullAsync(cancellationToken);

    private static string Shorten(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "…");
}
