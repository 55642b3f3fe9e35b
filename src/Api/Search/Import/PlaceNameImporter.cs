using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using DistrictMap.Api.Import;
using Npgsql;

namespace DistrictMap.Api.Search.Import;

/// <summary>
/// Imports place and street names from OS Open Names: its CSV (columns <c>ID</c>, <c>NAME1</c>, <c>LOCAL_TYPE</c>,
/// <c>GEOMETRY_X</c>, <c>GEOMETRY_Y</c> in British National Grid, found by name), or the product's zip, whose data files have no
/// header row and whose header is the file <c>*Header.csv</c>. Only the district's names are kept (those within its boundary).
/// One transaction: any bad row fails the import.
/// </summary>
public sealed class PlaceNameImporter(NpgsqlDataSource dataSource)
{
    private const int BritishNationalGrid = 27700;

    public async Task<ImportSummary> ImportAsync(GazetteerImportOptions options, IImportProgress progress, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var file = Path.GetFileName(options.Path);
        var district = options.District?.Trim().ToUpperInvariant();
        (double W, double S, double E, double N)? box = null;
        if (district is not null)
        {
            box = await PointStage.BoundingBoxAsync(dataSource, district, BritishNationalGrid, cancellationToken)
                ?? throw new ImportException(file, null, $"cannot keep district {district}'s names: its boundary is not loaded (import districts first)");
        }

        var types = new HashSet<string>(options.LocalTypes, StringComparer.OrdinalIgnoreCase);
        var rows = new List<PointRow>();
        var read = 0;
        var skipped = 0;
        foreach (var csv in Open(options.Path, file))
        {
            using (csv)
            {
                var (r, s) = Read(csv, file, types, box, rows);
                read += r;
                skipped += s;
            }
        }

        progress.Report("read", read, read);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await PointStage.WriteAsync(connection, rows, BritishNationalGrid, progress, cancellationToken);
            if (district is not null)
            {
                skipped += await PointStage.ClipAsync(connection, district, cancellationToken);
                await connection.ExecuteAsync("UPDATE stage_points SET district = @district", cancellationToken, ("district", district));
            }
            else
            {
                await connection.ExecuteAsync(LocateSql, cancellationToken);
            }

            var kept = await connection.CountAsync("SELECT count(*) FROM stage_points", cancellationToken);
            if (kept == 0)
            {
                throw new ImportException(file, null, district is null ? "no names to import" : $"no names in district {district}");
            }

            var record = PointStage.Provenance("place-names", district ?? file, $"OS Open Names ({file})", "Contains OS data © Crown copyright and database right.", options, kept);
            var written = await PointStage.SaveAsync(connection, record, "place_names", "source_id", UpsertSql, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new ImportSummary(record.Key, read, skipped, written, kept - Math.Min(kept, written), 0, 0, clock.Elapsed);
        }
        catch (PostgresException e)
        {
            throw new ImportException(file, null, $"the database refused the data: {e.MessageText}");
        }
    }

    /// <summary>The CSV files to read: the file itself, or each data file of the zip with the zip's header row put before it.</summary>
    private static IEnumerable<CsvSource> Open(string path, string file)
    {
        if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            yield return CsvSource.Open(path);
            yield break;
        }

        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new ImportException(file, null, $"not a zip file ({e.Message})");
        }

        using (zip)
        {
            var csvs = zip.Entries.Where(e => e.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
            var header = csvs.FirstOrDefault(e => e.Name.EndsWith("Header.csv", StringComparison.OrdinalIgnoreCase))
                ?? throw new ImportException(file, null, "the zip has no header file (*Header.csv)");
            var headerBytes = ReadAll(header);
            var data = csvs.Where(e => e != header).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
            if (data.Count == 0)
            {
                throw new ImportException(file, null, "the zip has no data CSV files");
            }

            foreach (var entry in data)
            {
                yield return CsvSource.FromBytes([.. headerBytes, (byte)'\n', .. ReadAll(entry)], $"{file}/{entry.FullName}");
            }
        }
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var bytes = memory.ToArray();
        var length = bytes.Length;
        while (length > 0 && bytes[length - 1] is (byte)'\n' or (byte)'\r')
        {
            length--;
        }

        return bytes[..length];
    }

    private static (int Read, int Skipped) Read(CsvSource csv, string file, HashSet<string> types, (double W, double S, double E, double N)? box, List<PointRow> rows)
    {
        var id = csv.Find("ID") ?? throw new ImportException(file, "header", "the column ID is missing");
        var name = csv.Find("NAME1") ?? throw new ImportException(file, "header", "the column NAME1 is missing");
        var type = csv.Find("LOCAL_TYPE") ?? throw new ImportException(file, "header", "the column LOCAL_TYPE is missing");
        var x = csv.Find("GEOMETRY_X") ?? throw new ImportException(file, "header", "the column GEOMETRY_X is missing");
        var y = csv.Find("GEOMETRY_Y") ?? throw new ImportException(file, "header", "the column GEOMETRY_Y is missing");
        var skipped = 0;
        while (csv.Read())
        {
            var at = $"row {csv.RowNumber}";
            var localType = csv.Get(type) ?? throw new ImportException(file, at, "LOCAL_TYPE is empty");
            if (types.Count > 0 && !types.Contains(localType))
            {
                skipped++;
                continue;
            }

            var easting = Number(csv.Get(x), file, at, "GEOMETRY_X", 0, 800_000);
            var northing = Number(csv.Get(y), file, at, "GEOMETRY_Y", 0, 1_400_000);
            if (box is { } b && (easting < b.W || easting > b.E || northing < b.S || northing > b.N))
            {
                skipped++;
                continue;
            }

            rows.Add(new PointRow(
                csv.RowNumber,
                csv.Get(id) ?? throw new ImportException(file, at, "ID is empty"),
                csv.Get(name) ?? throw new ImportException(file, at, "NAME1 is empty"),
                localType,
                null,
                null,
                null,
                easting,
                northing));
        }

        return (csv.RowNumber, skipped);
    }

    private static double Number(string? value, string file, string at, string column, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ImportException(file, at, $"{column} '{value}' is not a British National Grid coordinate from {min} to {max} metres");

    private const string LocateSql = """
        UPDATE stage_points p SET district = (
            SELECT d.code FROM districts d WHERE d.geom IS NOT NULL AND ST_Intersects(d.geom, p.geom) ORDER BY d.code LIMIT 1)
        """;

    private const string UpsertSql = """
        WITH changed AS (
            INSERT INTO place_names AS t (source_id, name, search_name, local_type, district_code, geom, dataset_id)
            SELECT DISTINCT ON (code) code, name, lower(name), type, district, geom, @dataset FROM stage_points ORDER BY code, ordinal
            ON CONFLICT (dataset_id, source_id) DO UPDATE SET
                name = EXCLUDED.name, search_name = EXCLUDED.search_name, local_type = EXCLUDED.local_type,
                district_code = EXCLUDED.district_code, geom = EXCLUDED.geom
            WHERE (t.name, t.local_type, t.district_code) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.local_type, EXCLUDED.district_code)
               OR ST_AsEWKB(t.geom) IS DISTINCT FROM ST_AsEWKB(EXCLUDED.geom)
            RETURNING 1
        )
        SELECT count(*) FROM changed
        """;
}
