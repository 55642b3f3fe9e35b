using System.Diagnostics;
using System.Text.Json;
using DistrictMap.Api.Import;
using DistrictMap.Api.Import.Boundaries;
using Npgsql;
using NpgsqlTypes;

namespace DistrictMap.Api.Places.Import;

/// <summary>The places of one layer read from one file, to be written as one dataset.</summary>
/// <param name="District">Keep only features touching this district's boundary, or null for all (each placed in the loaded district that holds it).</param>
/// <param name="Provenance">The dataset's provenance, given the number of features kept.</param>
internal sealed record PlaceBatch(PlaceLayer Layer, string File, int Read, IReadOnlyList<PlaceRecord> Records, string? District, Func<int, DatasetRecord> Provenance);

/// <summary>What writing one batch did; <see cref="Changes"/> counts written rows and a changed provenance record, for the data version.</summary>
internal sealed record PlaceBatchResult(ImportSummary Summary, int Kept, int Changes);

/// <summary>
/// Writes a batch of places inside the caller's transaction: stages it, transforms and repairs the geometries,
/// applies the district filter, records provenance and upserts the rows (removing the dataset's rows the file no longer has).
/// </summary>
internal static class PlaceWriter
{
    public static async Task<PlaceBatchResult> WriteAsync(NpgsqlConnection connection, PlaceBatch batch, IImportProgress progress, Stopwatch clock, CancellationToken cancellationToken)
    {
        var layer = batch.Layer;
        await StageAsync(connection, batch, progress, cancellationToken);
        await connection.ExecuteAsync(PlaceImportSql.Prepare(layer), cancellationToken);
        if (await connection.FirstRowAsync(PlaceImportSql.FirstEmpty, cancellationToken) is { } empty)
        {
            throw new ImportException(batch.File, empty.Code, $"the {layer.Noun()}'s geometry is empty after repair (it has no length or area)");
        }

        var skipped = 0;
        if (batch.District is { } district)
        {
            if (await connection.ScalarAsync<bool?>(BoundarySql.DistrictHasBoundary, cancellationToken, ("district", district)) != true)
            {
                throw new ImportException(batch.File, null, $"cannot restrict to district {district}: its boundary is not loaded (import districts first, or leave out --district)");
            }

            skipped = await connection.CountAsync(PlaceImportSql.FilterByDistrict, cancellationToken, ("district", district));
            await connection.ExecuteAsync(PlaceImportSql.SetDistrict, cancellationToken, ("district", district));
        }
        else
        {
            await connection.ExecuteAsync(PlaceImportSql.LocateDistricts, cancellationToken);
        }

        var (kept, repaired) = await CountKeptAndRepairedAsync(connection, cancellationToken);
        if (kept == 0)
        {
            return new PlaceBatchResult(new ImportSummary(layer.Id(), batch.Read, skipped, 0, 0, repaired, 0, clock.Elapsed), 0, 0);
        }

        var record = batch.Provenance(kept);
        var (datasetId, datasetChanged) = await DatasetRecorder.UpsertAsync(connection, record, cancellationToken);
        progress.Report($"write {layer.Id()}", 0, kept);
        var written = 0;
        await connection.ExecuteAsync(PlaceImportSql.NoteRealDistricts, cancellationToken);
        if (layer == PlaceLayer.GreenSpaces)
        {
            await connection.ExecuteAsync(PlaceImportSql.MatchGreenSpaces, cancellationToken, ("dataset", datasetId));
            written += await connection.CountAsync(PlaceImportSql.RecordMatches, cancellationToken, ("dataset", datasetId));
        }

        written += await connection.CountAsync(PlaceImportSql.Upsert(layer), cancellationToken, ("dataset", datasetId))
            + await connection.CountAsync(PlaceImportSql.DeleteMissing(layer), cancellationToken, ("dataset", datasetId));
        var replaced = await connection.CountAsync(PlaceImportSql.RemoveReplacedSamples(layer), cancellationToken);
        if (replaced > 0)
        {
            written += replaced + await connection.CountAsync(
                PlaceImportSql.RemoveEmptySampleDatasets(layer), cancellationToken, ("kind", layer.Id()), ("licence", PlaceProvenance.SampleLicence));
        }

        progress.Report($"write {layer.Id()}", kept, kept);
        return new PlaceBatchResult(
            new ImportSummary(record.Key, batch.Read, skipped, written, Math.Max(0, kept - written), repaired, 0, clock.Elapsed),
            kept,
            written + (datasetChanged ? 1 : 0));
    }

    private static async Task StageAsync(NpgsqlConnection connection, PlaceBatch batch, IImportProgress progress, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(PlaceImportSql.CreateStage, cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(PlaceImportSql.Copy, cancellationToken);
        var done = 0;
        foreach (var row in batch.Records)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(row.Ordinal, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.SourceId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.Label, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(row.Sample, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync(JsonSerializer.Serialize(row.Values), NpgsqlDbType.Jsonb, cancellationToken);
            await writer.WriteAsync(row.Geometry, NpgsqlDbType.Geometry, cancellationToken);
            if (++done % 1000 == 0)
            {
                progress.Report($"stage {batch.Layer.Id()}", done, batch.Records.Count);
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task<(int Kept, int Repaired)> CountKeptAndRepairedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(PlaceImportSql.CountKeptAndRepaired, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ((int)reader.GetInt64(0), (int)reader.GetInt64(1));
    }
}
