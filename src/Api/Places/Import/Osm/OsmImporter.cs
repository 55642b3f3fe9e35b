using System.Diagnostics;
using DistrictMap.Api.Import;
using Npgsql;

namespace DistrictMap.Api.Places.Import.Osm;

public sealed record OsmImportOptions
{
    /// <summary>An Overpass JSON result (<c>.json</c>) or OSM XML (<c>.osm</c>, <c>.xml</c>).</summary>
    public required string Path { get; init; }
    /// <summary>Keep only features touching this district's (loaded) boundary.</summary>
    public string? District { get; init; }
    public ImportSource Source { get; init; } = new();
}

/// <summary>
/// Imports routes, green spaces and recycling sites from OpenStreetMap data (see <see cref="OsmMapping"/>) in one
/// transaction: on any error nothing is written. Each layer is recorded as a dataset under the Open Database Licence.
/// </summary>
public sealed class OsmImporter(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<ImportSummary>> ImportAsync(OsmImportOptions options, IImportProgress progress, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var file = System.IO.Path.GetFileName(options.Path);
        var data = Read(options.Path, file);
        progress.Report("read", data.ElementCount, data.ElementCount);
        var district = PlaceImport.District(options.District, file);
        var layers = OsmMapping.Map(data).Where(l => l.Value.Count > 0).ToList();
        if (layers.Count == 0)
        {
            throw new ImportException(
                file,
                null,
                "nothing to import: no walking or cycling route relations, named paths, green spaces (leisure, landuse or protected areas) or recycling points with recycling:*=yes");
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            var summaries = new List<ImportSummary>();
            var changes = 0;
            foreach (var (layer, records) in layers)
            {
                var result = await PlaceWriter.WriteAsync(
                    connection,
                    new PlaceBatch(layer, file, records.Count, records, district, rows => Provenance(layer, options, file, district, data.Timestamp, rows)),
                    progress,
                    clock,
                    cancellationToken);
                if (result.Kept > 0)
                {
                    summaries.Add(result.Summary);
                    changes += result.Changes;
                }
            }

            if (summaries.Count == 0)
            {
                throw new ImportException(file, null, $"no routes, green spaces or recycling sites in district {district}");
            }

            await DerivedData.RefreshAsync(connection, changes, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return [.. summaries.Select(s => s with { Elapsed = clock.Elapsed })];
        }
        catch (PostgresException e)
        {
            throw new ImportException(file, null, $"the database refused the data: {e.MessageText}");
        }
    }

    private static OsmData Read(string path, string file)
    {
        if (!File.Exists(path))
        {
            throw new ImportException(file, null, $"file not found ({path})");
        }

        if (path.EndsWith(".pbf", StringComparison.OrdinalIgnoreCase))
        {
            throw new ImportException(file, null, "OSM PBF is not read: convert it to OSM XML first, such as with osmium cat extract.osm.pbf -o extract.osm");
        }

        using (var stream = File.OpenRead(path))
        {
            int first;
            do
            {
                first = stream.ReadByte();
            }
            while (first is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF);

            return first switch
            {
                '{' => OverpassJsonReader.Read(path, file),
                '<' => OsmXmlReader.Read(path, file),
                _ => throw new ImportException(file, null, "not OpenStreetMap data: give an Overpass JSON result ([out:json]; ... out geom;) or OSM XML (.osm)"),
            };
        }
    }

    private static DatasetRecord Provenance(PlaceLayer layer, OsmImportOptions options, string file, string? district, string? timestamp, int rows) =>
        new(
            Key: PlaceProvenance.DatasetKey(layer, file, district),
            Kind: layer.Id(),
            Title: options.Source.Title ?? $"{layer.Title()} from OpenStreetMap ({file})",
            Source: options.Source.SourceUrl ?? file,
            Licence: options.Source.Licence ?? Attribution.OdblLicence,
            LicenceUrl: options.Source.LicenceUrl ?? (options.Source.Licence is null ? Attribution.OdblLicenceUrl : null),
            Attribution: options.Source.Attribution ?? Attribution.OpenStreetMap,
            Vintage: options.Source.Vintage ?? (timestamp is { Length: >= 10 } ? timestamp[..10] : timestamp),
            Rows: rows,
            Sha256: FileDigest.Sha256(options.Path));
}
