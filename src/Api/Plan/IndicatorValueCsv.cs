using System.Globalization;
using DistrictMap.Api.Http;
using DistrictMap.Api.Import;

namespace DistrictMap.Api.Plan;

/// <summary>
/// Indicator values as CSV, read with the project's CSV reader (columns found by header name): area, period and value,
/// optionally target and note, and indicator when the file holds more than one indicator's values. Values that are
/// not numbers become NaN, which <see cref="IndicatorValueWriter"/> reports with every other bad row.
/// </summary>
public static class IndicatorValueCsv
{
    public const int MaxRows = 100_000;

    /// <summary>The columns of a file naming its indicators, as the plan's indicator-values.csv and the upload template have them.</summary>
    public static readonly IReadOnlyList<string> Columns = ["indicator", "area", "period", "value", "target", "note"];

    /// <param name="body">The file's bytes.</param>
    /// <param name="encoding">The encoding's name, or null to find it from the file (UTF-8 or UTF-16 with a byte order mark).</param>
    /// <param name="indicator">The indicator of every row, or null when the file names each row's in an indicator column.</param>
    /// <param name="hint">What to do about bytes not valid in the encoding.</param>
    /// <exception cref="BadRequestException">The file as a whole cannot be read: a missing column, no rows, bytes not valid in its encoding.</exception>
    public static IReadOnlyList<IndicatorValueRow> Read(byte[] body, string? encoding, string? indicator, string hint)
    {
        try
        {
            using var csv = CsvSource.FromBytes(body, "upload", CsvEncoding.Parse(encoding, "upload", "charset"), hint);
            var (code, area, period, value) = (csv.Find("indicator"), csv.Find("area"), csv.Find("period"), csv.Find("value"));
            var required = new[] { ("indicator", indicator is null ? code : 0), ("area", area), ("period", period), ("value", value) };
            var missing = required.Where(c => c.Item2 is null).Select(c => c.Item1).ToList();
            if (missing.Count > 0)
            {
                throw new BadRequestException($"The CSV has no {string.Join(", ", missing)} column: the header must name {(indicator is null ? "indicator, " : "")}area, period and value (target and note are optional).");
            }

            var (target, note) = (csv.Find("target"), csv.Find("note"));
            var rows = new List<IndicatorValueRow>();
            while (csv.Read())
            {
                var input = new IndicatorValueInput(csv.Get(area), csv.Get(period), Number(csv.Get(value)), csv.Get(target) is { } t ? Number(t) : null, csv.Get(note));
                rows.Add(new IndicatorValueRow($"row {csv.RowNumber}", indicator ?? csv.Get(code), input));
                if (rows.Count > MaxRows)
                {
                    throw new BadRequestException($"The upload has more than {MaxRows:N0} rows: split it.");
                }
            }

            return rows.Count > 0 ? rows : throw new BadRequestException("The CSV has a header but no rows.");
        }
        catch (ImportException e)
        {
            throw new BadRequestException(e.Message);
        }
    }

    /// <summary>The number a cell holds, in the invariant culture; NaN when it holds none.</summary>
    public static double Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : double.NaN;
}
