using DistrictMap.Api.Http;
using System.Text.RegularExpressions;
using CsvHelper;

namespace DistrictMap.Api.Import;

/// <summary>
/// A CSV file read row by row, whose columns are found by header name (never by position).
/// Header names are matched trimmed, without case and with runs of spaces folded.
/// </summary>
internal sealed class CsvSource : IDisposable
{
    private readonly CsvReader reader;
    private readonly string[] headers;
    private readonly string fileName;

    private CsvSource(CsvReader reader, string fileName)
    {
        this.reader = reader;
        this.fileName = fileName;
        try
        {
            reader.ReadHeader();
            headers = [.. reader.Headers.Select(h => Normalise(h))];
        }
        catch (CsvFormatException e)
        {
            throw new ImportException(fileName, "header", $"not valid CSV ({e.Message})");
        }

        if (headers.Length == 0 || headers.All(h => h.Length == 0))
        {
            throw new ImportException(fileName, null, "the file is empty or has no header row");
        }
    }

    public IReadOnlyList<string> Headers => headers;

    /// <summary>The 1-based number of the current data row (the header is row 0).</summary>
    public int RowNumber { get; private set; }

    public static CsvSource Open(string path)
    {
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new ImportException(fileName, null, $"file not found ({path})");
        }

        return new CsvSource(CsvReader.FromFile(path, Options), fileName);
    }

    /// <summary>A CSV held in memory, such as an upload; <paramref name="name"/> stands for the file in messages.</summary>
    public static CsvSource FromBytes(byte[] bytes, string name) =>
        new(CsvReader.Create(bytes, Options), name);

    private static CsvReaderOptions Options => new()
    {
        Separator = ',',
        HasHeader = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        TrimWhitespace = true,
        MaxRecordSize = 1 << 20,
    };

    /// <summary>The index of the first column called one of <paramref name="names"/>, or null.</summary>
    public int? Find(params string[] names)
    {
        foreach (var name in names)
        {
            var wanted = Normalise(name);
            var index = Array.FindIndex(headers, h => string.Equals(h, wanted, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return index;
            }
        }

        return null;
    }

    /// <summary>The columns whose name matches <paramref name="pattern"/>.</summary>
    public IReadOnlyList<(int Index, Match Match)> Matching(Regex pattern) =>
        [.. headers.Select((h, i) => (Index: i, Match: pattern.Match(h))).Where(x => x.Match.Success)];

    public bool Read()
    {
        try
        {
            if (!reader.Read())
            {
                return false;
            }
        }
        catch (CsvFormatException e)
        {
            throw new ImportException(fileName, $"row {RowNumber + 1}", $"not valid CSV ({e.Message})");
        }

        RowNumber++;
        return true;
    }

    /// <summary>The trimmed value of column <paramref name="index"/>, or null when it is empty or missing from the row.</summary>
    public string? Get(int? index)
    {
        if (index is not { } i || i >= reader.FieldCount)
        {
            return null;
        }

        var value = reader.GetString(i).Trim();
        if (Text.ForbiddenControl(value) is { } control)
        {
            throw new ImportException(fileName, $"row {RowNumber}", $"column {headers[i]} holds the control character {Text.Describe(control)}, which text may not contain");
        }

        return value.Length == 0 ? null : value;
    }

    public int FieldCount => reader.FieldCount;

    public string Header(int index) => headers[index];

    public void Dispose() => reader.Dispose();

    private static string Normalise(string header) => Regex.Replace(header.Trim().Trim('\uFEFF'), @"\s+", " ");
}
