namespace DistrictMap.Api.Http;

/// <summary>A column of a CSV download: its header and how to read it from a row.</summary>
public sealed record CsvColumn<T>(string Name, Func<T, object?> Value);

public static class TableResults
{
    /// <summary>Rows as a CSV download (RFC 4180, UTF-8), with a file name for browsers.</summary>
    public static IResult Csv<T>(IEnumerable<T> rows, IReadOnlyList<CsvColumn<T>> columns, string fileName) =>
        new CsvResult<T>(rows, columns, fileName);

    private sealed class CsvResult<T>(IEnumerable<T> rows, IReadOnlyList<CsvColumn<T>> columns, string fileName) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "text/csv; charset=utf-8";
            httpContext.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
            await CsvText.WriteAsync(httpContext.Response.Body, [.. columns.Select(c => c.Name)], rows.Select(r => columns.Select(c => c.Value(r))), httpContext.RequestAborted);
        }
    }
}
