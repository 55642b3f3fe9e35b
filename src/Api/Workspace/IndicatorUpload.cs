using System.Text.RegularExpressions;
using DistrictMap.Api.Access;
using DistrictMap.Api.Http;
using DistrictMap.Api.Infrastructure.Database;
using DistrictMap.Api.Plan;

namespace DistrictMap.Api.Workspace;

/// <summary>A bad row of an upload and every reason it is bad.</summary>
public sealed record UploadRowProblem(string Row, IReadOnlyList<string> Reasons);

/// <summary>What an upload did: values written, or why nothing was (the file as a whole, or each bad row).</summary>
public sealed record UploadOutcome(int Received, int Written, string? Problem, IReadOnlyList<UploadRowProblem> BadRows)
{
    public bool Succeeded => Problem is null && BadRows.Count == 0;
}

/// <summary>
/// Indicator values uploaded as CSV from the partner pages: read as the API reads a CSV upload, then validated and
/// written by the API's own <see cref="IndicatorValueWriter"/> in one transaction, all or nothing, audited per value.
/// As with the API, any person who may write (a partner or an admin) may write any indicator's values: indicators
/// belong to the plan, not to one organisation.
/// </summary>
public sealed partial class IndicatorUpload(DistrictMapDbContext db, TimeProvider clock)
{
    public const string Hint = "save the file as CSV UTF-8, or choose the encoding it was saved in";

    /// <summary>The encodings the upload form offers, by name and label.</summary>
    public static readonly IReadOnlyList<(string Name, string Label)> Encodings =
        [("", "Found from the file (UTF-8, \"CSV UTF-8\")"), ("windows-1252", "Windows-1252 (Excel's plain \"CSV\")")];

    public async Task<UploadOutcome> UploadAsync(byte[] file, string? encoding, Actor actor, CancellationToken cancellationToken)
    {
        IReadOnlyList<IndicatorValueRow> rows;
        try
        {
            rows = IndicatorValueCsv.Read(file, string.IsNullOrWhiteSpace(encoding) ? null : encoding, indicator: null, Hint);
        }
        catch (BadRequestException e)
        {
            return new UploadOutcome(0, 0, e.Message, []);
        }

        try
        {
            var written = await new IndicatorValueWriter(db, clock).WriteAsync(rows, actor, sample: false, audit: true, cancellationToken);
            return new UploadOutcome(rows.Count, written, null, []);
        }
        catch (ValidationProblemException e)
        {
            var bad = e.Errors.Select(x => new UploadRowProblem(x.Key, x.Value)).OrderBy(p => RowNumber(p.Row)).ToList();
            return new UploadOutcome(rows.Count, 0, null, bad);
        }
    }

    /// <summary>The template: the header of an upload, the same columns as the plan's indicator-values.csv.</summary>
    public static async Task<byte[]> TemplateAsync(CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await CsvText.WriteAsync(stream, IndicatorValueCsv.Columns, [], cancellationToken);
        return stream.ToArray();
    }

    private static int RowNumber(string row) => RowPattern().Match(row) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue;

    [GeneratedRegex(@"^row (\d+)$")]
    private static partial Regex RowPattern();
}
