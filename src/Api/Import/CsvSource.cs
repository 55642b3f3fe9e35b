using System.Text;
using System.Text.RegularExpressions;
using DistrictMap.Api.Http;
using CsvHelper;

namespace DistrictMap.Api.Import;

/// <summary>
/// A CSV file read row by row, whose columns are found by header name (never by position).
/// Header names are matched trimmed, without case and with runs of spaces folded.
/// The encoding is UTF-8 (with or without a byte order mark) or UTF-16 with a byte order mark, found
/// from the file, unless one is given (see <see cref="CsvEncoding"/>); bytes that are not valid in it
/// fail the import, naming the row and column, rather than being stored as U+FFFD.
/// </summary>
internal sealed class CsvSource : IDisposable
{
    private readonly CsvReader reader;
    private readonly string[] headers;
    private readonly string fileName;
    private readonly string encodingHint;

    private CsvSource(CsvReader reader, string fileName, string encodingHint)
    {
        this.reader = reader;
        this.fileName = fileName;
        this.encodingHint = encodingHint;
        try
        {
            reader.ReadHeader();
            headers = [.. reader.Headers.Select(h => Normalise(h))];
        }
        catch (CsvFormatException e)
        {
            throw new ImportException(fileName, "header", CsvEncoding.Describe(e));
        }

        if (Array.FindIndex(headers, h => h.Contains('\uFFFD', StringComparison.Ordinal)) is var bad and >= 0)
        {
            throw new ImportException(fileName, "header", $"column {bad + 1} holds bytes that are not valid {EncodingName}: {encodingHint}");
        }

        if (headers.Length == 0 || headers.All(h => h.Length == 0))
        {
            throw new ImportException(fileName, null, "the file is empty or has no header row");
        }
    }

    public IReadOnlyList<string> Headers => headers;

    /// <summary>The 1-based number of the current data row (the header is row 0).</summary>
    public int RowNumber { get; private set; }

    /// <param name="path">The file.</param>
    /// <param name="encoding">The file's encoding, or null to find it (see <see cref="CsvEncoding"/>).</param>
    public static CsvSource Open(string path, Encoding? encoding = null)
    {
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new ImportException(fileName, null, $"file not found ({path})");
        }

        return new CsvSource(CsvReader.FromFile(path, Options(encoding)), fileName, CsvEncoding.CommandLineHint(encoding)) { Encoding = encoding };
    }

    /// <summary>A CSV held in memory, such as an upload; <paramref name="name"/> stands for the file in messages.</summary>
    /// <param name="hint">What to do about bytes that are not valid in the encoding, said after the problem.</param>
    public static CsvSource FromBytes(byte[] bytes, string name, Encoding? encoding = null, string? hint = null) =>
        new(CsvReader.Create(bytes, Options(encoding)), name, hint ?? CsvEncoding.CommandLineHint(encoding)) { Encoding = encoding };

    private static CsvReaderOptions Options(Encoding? encoding) => new()
    {
        Separator = ',',
        HasHeader = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        TrimWhitespace = true,
        MaxRecordSize = 1 << 20,
        Encoding = CsvEncoding.IsUtf8(encoding) ? null : encoding,
    };

    /// <summary>The encoding given, or null when it is found from the file.</summary>
    private Encoding? Encoding { get; init; }

    private string EncodingName => Encoding is null || CsvEncoding.IsUtf8(Encoding) ? "UTF-8" : Encoding.WebName;

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
            throw new ImportException(fileName, $"row {RowNumber + 1}", CsvEncoding.Describe(e));
        }

        RowNumber++;
        // Input in another encoding is transcoded to UTF-8 as it is read, so what is left invalid here is the file's.
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var raw = reader.GetRawSpan(i);
            var column = i < headers.Length ? headers[i] : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (CsvEncoding.FirstInvalidByte(raw) is { } invalid)
            {
                throw new ImportException(fileName, $"row {RowNumber}", $"column {column} holds the byte 0x{invalid:X2}, which is not valid UTF-8: {encodingHint}");
            }

            if (CsvEncoding.HasUndefinedBytes(raw, Encoding))
            {
                throw new ImportException(fileName, $"row {RowNumber}", $"column {column} holds a byte that {EncodingName} does not define: {encodingHint}");
            }
        }

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
