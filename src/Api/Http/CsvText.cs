using System.Globalization;
using CsvHelper;

namespace DistrictMap.Api.Http;

/// <summary>The one CSV writer (RFC 4180, UTF-8) and the one rule for a value's text in a CSV or HTML cell.</summary>
public static class CsvText
{
    /// <summary>A value as the text of a cell: numbers and dates invariant, null empty.</summary>
    public static string? Cell(object? value) => value switch
    {
        null => null,
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Writes a header and rows of values to <paramref name="stream"/>, which stays open.</summary>
    public static async Task WriteAsync(Stream stream, IReadOnlyList<string> header, IEnumerable<IEnumerable<object?>> rows, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(stream, leaveOpen: true);
        csv.WriteHeader([.. header]);
        foreach (var row in rows)
        {
            foreach (var value in row)
            {
                csv.WriteField(Cell(value));
            }

            await csv.EndRecordAsync(cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
