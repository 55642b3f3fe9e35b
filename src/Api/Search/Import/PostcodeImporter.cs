using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DistrictMap.Api.Import;
using Npgsql;

namespace DistrictMap.Api.Search.Import;

public sealed record GazetteerImportOptions
{
    /// <summary>A CSV file (or, for OS Open Names, the product's zip of CSV files).</summary>
    public required string Path { get; init; }
    /// <summary>Keep only this district's rows.</summary>
    public string? District { get; init; }
    /// <summary>OS Open Names <c>LOCAL_TYPE</c>s to keep (all when empty).</summary>
    public IReadOnlyList<string> LocalTypes { get; init; } = [];
    public ImportSource Source { get; init; } = new();
}

/// <summary>
/// Imports postcode centroids from the ONS Postcode Directory (the full CSV, or an extract of its feature service):
/// columns <c>pcds</c>, <c>lat</c>, <c>long</c>, <c>oslaua</c>, <c>osward</c> and <c>lsoa21</c> or <c>lsoa11</c>, found by name.
/// Terminated postcodes (<c>doterm</c> set) and those without a grid reference are left out. One transaction: any bad row fails the import.
/// </summary>
public sealed partial class PostcodeImporter(NpgsqlDataSource dataSource)
{
    /// <summary>The latitude the ONS gives postcodes that have no grid reference.</summary>
    private const double NoLocationLatitude = 99.999999;

    public async Task<ImportSummary> ImportAsync(GazetteerImportOptions options, IImportProgress progress, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var file = Path.GetFileName(options.Path);
        var district = options.District?.Trim().ToUpperInvariant();
        var (rows, read, skipped) = Read(options.Path, file, district);
        if (rows.Count == 0)
        {
            throw new ImportException(file, null, district is null ? "no live postcodes in the file" : $"no live postcodes in district {district} (column oslaua)");
        }

        progress.Report("read", read, read);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await PointStage.WriteAsync(connection, rows, 4326, progress, cancellationToken);
            var record = PointStage.Provenance("postcodes", district ?? file, $"ONS Postcode Directory ({file})", Attribution.Ons, options, rows.Count);
            var written = await PointStage.SaveAsync(connection, record, "postcodes", "code", UpsertSql, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ImportSummary(record.Key, read, skipped, written, rows.Count - Math.Min(rows.Count, written), 0, 0, clock.Elapsed);
        }
        catch (PostgresException e)
        {
            throw new ImportException(file, null, $"the database refused the data: {e.MessageText}");
        }
    }

    private static (List<PointRow> Rows, int Read, int Skipped) Read(string path, string file, string? district)
    {
        using var csv = CsvSource.Open(path);
        var postcode = Required(csv, file, "pcds", "pcds");
        var lat = Required(csv, file, "lat", "lat");
        var lon = Required(csv, file, "long", "long", "lon");
        var lad = csv.Find("oslaua", "lad25cd", "lad24cd", "lad23cd");
        var ward = csv.Find("osward", "wd25cd", "wd24cd", "wd23cd");
        var lsoa = csv.Find("lsoa21", "lsoa21cd", "lsoa11", "lsoa11cd");
        var terminated = csv.Find("doterm");
        if (district is not null && lad is null)
        {
            throw new ImportException(file, "header", "no oslaua column to keep the district's postcodes by");
        }

        var rows = new List<PointRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var skipped = 0;
        while (csv.Read())
        {
            var at = $"row {csv.RowNumber}";
            if ((district is not null && !string.Equals(csv.Get(lad), district, StringComparison.OrdinalIgnoreCase)) || csv.Get(terminated) is not null)
            {
                skipped++;
                continue;
            }

            var code = Normalise(csv.Get(postcode))
                ?? throw new ImportException(file, at, $"'{csv.Get(postcode)}' is not a postcode (such as TN13 1AA)");
            var y = Number(csv.Get(lat), file, at, "lat", -90, 100);
            var x = Number(csv.Get(lon), file, at, "long", -180, 180);
            if (Math.Abs(y - NoLocationLatitude) < 1e-6)
            {
                skipped++;
                continue;
            }

            if (y > 90)
            {
                throw new ImportException(file, at, $"lat {y} is out of range (-90 to 90)");
            }

            if (!seen.Add(code))
            {
                throw new ImportException(file, at, $"postcode {code} appears twice");
            }

            rows.Add(new PointRow(csv.RowNumber, code, null, null, csv.Get(lad)?.ToUpperInvariant(), csv.Get(ward)?.ToUpperInvariant(), csv.Get(lsoa)?.ToUpperInvariant(), x, y));
        }

        return (rows, csv.RowNumber, skipped);
    }

    /// <summary>A postcode in the ONS's <c>pcds</c> form (outward code, one space, inward code), or null when it is not one.</summary>
    public static string? Normalise(string? value)
    {
        var compact = value is null ? "" : Whitespace().Replace(value, "").ToUpperInvariant();
        return FullPostcode().IsMatch(compact) ? $"{compact[..^3]} {compact[^3..]}" : null;
    }

    private static int Required(CsvSource csv, string file, string name, params string[] names) =>
        csv.Find(names) ?? throw new ImportException(file, "header", $"the column {name} is missing");

    private static double Number(string? value, string file, string at, string column, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) && number >= min && number <= max
            ? number
            : throw new ImportException(file, at, $"{column} '{value}' is not a number from {min} to {max}");

    private const string UpsertSql = """
        WITH changed AS (
            INSERT INTO postcodes AS t (code, compact, district_code, ward_code, lsoa_code, geom, dataset_id)
            SELECT code, replace(code, ' ', ''), district, ward, lsoa, geom, @dataset FROM stage_points
            ON CONFLICT (code) DO UPDATE SET
                district_code = EXCLUDED.district_code, ward_code = EXCLUDED.ward_code, lsoa_code = EXCLUDED.lsoa_code,
                geom = EXCLUDED.geom, dataset_id = EXCLUDED.dataset_id
            WHERE (t.district_code, t.ward_code, t.lsoa_code, t.dataset_id) IS DISTINCT FROM (EXCLUDED.district_code, EXCLUDED.ward_code, EXCLUDED.lsoa_code, EXCLUDED.dataset_id)
               OR ST_AsEWKB(t.geom) IS DISTINCT FROM ST_AsEWKB(EXCLUDED.geom)
            RETURNING 1
        )
        SELECT count(*) FROM changed
        """;

    [GeneratedRegex(@"^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")]
    private static partial Regex FullPostcode();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
