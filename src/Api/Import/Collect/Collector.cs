using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DistrictMap.Api.Http;
using Microsoft.Extensions.Options;

namespace DistrictMap.Api.Import.Collect;

/// <summary>
/// Downloads one manifest dataset into the cache: a fixed file, or an ArcGIS feature service query
/// followed page by page (<c>resultOffset</c>/<c>resultRecordCount</c>) until the service says it is done.
/// An Overpass query is posted for the district's bounding box and its answer streamed to disk.
/// The download is checked before it replaces what the cache held.
/// </summary>
public sealed class Collector(HttpClient http, IOptions<OverpassOptions> overpass)
{
    /// <param name="bbox">The district's bounding box (west, south, east, north), for datasets with a spatial filter.</param>
    public async Task DownloadAsync(ManifestDataset dataset, string district, (double W, double S, double E, double N)? bbox, string target, IImportProgress progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        var temporary = target + ".part";
        try
        {
            switch (dataset.Format)
            {
                case SourceFormat.Overpass:
                    await QueryOverpassAsync(dataset, district, bbox, temporary, cancellationToken);
                    break;
                case SourceFormat.Geojson or SourceFormat.Csv or SourceFormat.Zip:
                    await using (var output = File.Create(temporary))
                    {
                        using var response = await http.GetAsync(Expand(dataset.Url, district), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                        EnsureSuccess(response, dataset);
                        await response.Content.CopyToAsync(output, cancellationToken);
                    }

                    break;
                case SourceFormat.ArcgisGeojson:
                    await File.WriteAllTextAsync(temporary, (await QueryPagesAsync(dataset, district, bbox, "geojson", progress, cancellationToken)).ToJsonString(), cancellationToken);
                    break;
                default:
                    await WriteCsvAsync(await QueryPagesAsync(dataset, district, bbox, "json", progress, cancellationToken), temporary, cancellationToken);
                    break;
            }

            Verify(dataset, temporary);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private async Task QueryOverpassAsync(ManifestDataset dataset, string district, (double W, double S, double E, double N)? bbox, string target, CancellationToken cancellationToken)
    {
        var box = bbox ?? throw new ImportException(dataset.Id, null, $"the district {district} has no boundary loaded to query by");
        var query = (dataset.Query ?? throw new ImportException(dataset.Id, null, "an overpass dataset needs a query"))
            .Replace("{bbox}", string.Create(CultureInfo.InvariantCulture, $"{box.S},{box.W},{box.N},{box.E}"), StringComparison.Ordinal)
            .Replace("{timeout}", overpass.Value.TimeoutSeconds.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, overpass.Value.Endpoint ?? dataset.Url)
        {
            Content = new FormUrlEncodedContent([new("data", query)]),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(overpass.Value.TimeoutSeconds + 60));
        // The answer can be large: it goes to disk as it arrives, never whole into memory.
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        EnsureSuccess(response, dataset);
        await using var output = File.Create(target);
        await response.Content.CopyToAsync(output, timeout.Token);
    }

    private async Task<JsonObject> QueryPagesAsync(ManifestDataset dataset, string district, (double W, double S, double E, double N)? bbox, string format, IImportProgress progress, CancellationToken cancellationToken)
    {
        var features = new JsonArray();
        var pageSize = Math.Max(1, dataset.PageSize);
        for (var offset = 0; ; offset += pageSize)
        {
            var query = new Dictionary<string, string>
            {
                ["where"] = Expand(dataset.Where ?? "1=1", district),
                ["outFields"] = "*",
                ["outSR"] = "4326",
                ["f"] = format,
                ["resultOffset"] = offset.ToString(CultureInfo.InvariantCulture),
                ["resultRecordCount"] = pageSize.ToString(CultureInfo.InvariantCulture),
            };
            if (format == "json")
            {
                query["returnGeometry"] = "false";
            }

            if (dataset.SpatialFilter)
            {
                var box = bbox ?? throw new ImportException(dataset.Id, null, $"the district {district} has no boundary loaded to query by");
                query["geometry"] = string.Create(CultureInfo.InvariantCulture, $"{box.W},{box.S},{box.E},{box.N}");
                query["geometryType"] = "esriGeometryEnvelope";
                query["inSR"] = "4326";
                query["spatialRel"] = "esriSpatialRelIntersects";
            }

            var url = Expand(dataset.Url, district) + "?" + string.Join('&', query.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"));
            using var response = await http.GetAsync(url, cancellationToken);
            EnsureSuccess(response, dataset);
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject
                ?? throw new ImportException(dataset.Id, $"offset {offset}", "the service did not answer with a JSON object");
            if (page["error"] is JsonObject error)
            {
                throw new ImportException(dataset.Id, $"offset {offset}", $"the service answered with an error: {error["message"]}");
            }

            var pageFeatures = page["features"] as JsonArray
                ?? throw new ImportException(dataset.Id, $"offset {offset}", "the answer has no features array");
            var count = pageFeatures.Count;
            foreach (var feature in pageFeatures.ToList())
            {
                pageFeatures.Remove(feature);
                features.Add(feature);
            }

            progress.Report("download", features.Count, null);
            var more = page["exceededTransferLimit"]?.GetValue<bool>() == true
                       || page["properties"]?["exceededTransferLimit"]?.GetValue<bool>() == true;
            if (!more || count == 0)
            {
                break;
            }
        }

        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
    }

    private static async Task WriteCsvAsync(JsonObject collection, string path, CancellationToken cancellationToken)
    {
        var rows = ((JsonArray)collection["features"]!)
            .Select(f => f?["attributes"] as JsonObject ?? new JsonObject())
            .ToList();
        var columns = rows.SelectMany(r => r.Select(p => p.Key)).Distinct(StringComparer.Ordinal).ToList();
        await using var stream = File.Create(path);
        await CsvText.WriteAsync(stream, columns, rows.Select(row => columns.Select(column => (object?)(row[column] switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            var node => node.ToJsonString(),
        }))), cancellationToken);
    }

    private static void Verify(ManifestDataset dataset, string path)
    {
        if (dataset.Sha256 is { } expected && !string.Equals(FileDigest.Sha256(path), expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new ImportException(dataset.Id, null, "the download does not match the SHA-256 in the manifest");
        }

        if (dataset.Format is SourceFormat.Geojson or SourceFormat.ArcgisGeojson)
        {
            try
            {
                using var stream = File.OpenRead(path);
                using var document = JsonDocument.Parse(stream);
                if (!document.RootElement.TryGetProperty("features", out var features) || features.GetArrayLength() == 0)
                {
                    throw new ImportException(dataset.Id, null, "the download holds no features");
                }
            }
            catch (JsonException e)
            {
                throw new ImportException(dataset.Id, PlainReasons.Where(e), $"the download is not GeoJSON: {PlainReasons.Json(e)}");
            }
        }
        else if (dataset.Format == SourceFormat.Zip)
        {
            using var stream = File.OpenRead(path);
            if (stream.ReadByte() != 'P' || stream.ReadByte() != 'K')
            {
                throw new ImportException(dataset.Id, null, "the download is not a zip file");
            }
        }
        else if (dataset.Format == SourceFormat.Overpass)
        {
            VerifyOverpass(dataset, path);
        }
        else
        {
            using var reader = new StreamReader(path, Encoding.UTF8);
            if (reader.ReadLine() is null || reader.ReadLine() is null)
            {
                throw new ImportException(dataset.Id, null, "the download holds no rows");
            }
        }
    }

    /// <summary>Overpass answers 200 with a remark at the end when a query fails part-way (such as a timeout): such an answer is incomplete.</summary>
    private static void VerifyOverpass(ManifestDataset dataset, string path)
    {
        using var stream = File.OpenRead(path);
        var first = stream.ReadByte();
        if (first != '{')
        {
            throw new ImportException(dataset.Id, null, "the Overpass API did not answer with JSON (query with [out:json])");
        }

        stream.Seek(Math.Max(0, stream.Length - 4096), SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var tail = reader.ReadToEnd();
        var remark = tail.IndexOf("\"remark\"", StringComparison.Ordinal);
        if (remark >= 0 && tail.IndexOf("error", remark, StringComparison.OrdinalIgnoreCase) >= 0)
        {
            throw new ImportException(dataset.Id, null, $"the Overpass answer is incomplete: {tail[remark..].Trim().TrimEnd('}').Trim()}");
        }
    }

    private static void EnsureSuccess(HttpResponseMessage response, ManifestDataset dataset)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new ImportException(dataset.Id, null, $"{response.RequestMessage?.RequestUri?.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }

    private static string Expand(string template, string district) => template.Replace("{district}", district, StringComparison.Ordinal);
}
