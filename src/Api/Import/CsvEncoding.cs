using System.Buffers;
using System.Text;
using CsvHelper;

namespace DistrictMap.Api.Import;

/// <summary>
/// The encodings a CSV import reads: found from the file (UTF-8 with or without a byte order mark, UTF-16 or
/// UTF-32 with one), or named with <c>--encoding</c> (any name .NET knows, such as windows-1252 or iso-8859-1).
/// </summary>
internal static class CsvEncoding
{
    static CsvEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding called <paramref name="name"/>, or null for none given.</summary>
    /// <exception cref="ImportException">No encoding has that name.</exception>
    public static Encoding? Parse(string? name, string file, string option = "--encoding")
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            // Bytes the encoding does not define become U+FFFD, which CsvSource then refuses with its row and column.
            return Encoding.GetEncoding(name.Trim(), EncoderFallback.ReplacementFallback, new DecoderReplacementFallback(Replacement.ToString()));
        }
        catch (ArgumentException)
        {
            throw new ImportException(file, null, $"{option} {Http.Text.Shorten(name)} is not an encoding name: use one such as utf-8, windows-1252, iso-8859-1 or utf-16");
        }
    }

    private const char Replacement = '\uFFFD';

    public static bool IsUtf8(Encoding? encoding) => encoding is { CodePage: 65001 };

    /// <summary>What a person can do when the file is not in the encoding it was read in.</summary>
    public static string CommandLineHint(Encoding? encoding) => encoding is null || IsUtf8(encoding)
        ? "the file is probably in another encoding; save it as UTF-8, or name its encoding with --encoding (Excel on Windows saves CSV as windows-1252)"
        : "name the file's encoding with --encoding";

    /// <summary>
    /// Whether text transcoded from <paramref name="encoding"/> holds U+FFFD, which stands for bytes that the encoding
    /// does not define (no single-byte encoding can encode U+FFFD itself).
    /// </summary>
    public static bool HasUndefinedBytes(ReadOnlySpan<byte> utf8, Encoding? encoding) =>
        encoding is not null && !IsUtf8(encoding) && utf8.IndexOf("\uFFFD"u8) >= 0;

    /// <summary>The first byte of <paramref name="utf8"/> that does not start or continue a valid UTF-8 sequence, or null.</summary>
    public static byte? FirstInvalidByte(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return null;
        }

        while (!utf8.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(utf8, out _, out var consumed) == OperationStatus.InvalidData)
            {
                return utf8[0];
            }

            utf8 = utf8[consumed..];
        }

        return null;
    }

    /// <summary>A malformed-CSV error in plain words, without the reader's own message.</summary>
    public static string Describe(CsvFormatException e)
    {
        var message = e.Message;
        var what = message switch
        {
            _ when message.Contains("a quote inside an unquoted field", StringComparison.Ordinal) =>
                "a quote mark stands inside a value that does not start with one (quote the whole value and double the quote marks inside it)",
            _ when message.Contains("text after the closing quote", StringComparison.Ordinal) =>
                "text follows the closing quote mark of a quoted value (double the quote marks inside a quoted value)",
            _ when message.Contains("never closed", StringComparison.Ordinal) =>
                "a quoted value is never closed: a quote mark is missing",
            _ when message.Contains("line break inside a quoted field", StringComparison.Ordinal) =>
                "a quoted value runs over a line break",
            _ when message.Contains("too large", StringComparison.Ordinal) =>
                "a row is longer than 1 MiB, which no row of these files needs: is the file CSV?",
            _ => "the text is not valid CSV: check the quote marks and separators",
        };
        return $"not valid CSV: {what}";
    }
}
