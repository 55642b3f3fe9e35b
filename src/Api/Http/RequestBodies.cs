namespace DistrictMap.Api.Http;

/// <summary>Reads request bodies with a size limit, whether or not the client sent Content-Length.</summary>
public static class RequestBodies
{
    /// <summary>The largest JSON body a write accepts.</summary>
    public const int MaxJsonBytes = 1024 * 1024;

    /// <summary>The largest CSV upload a write accepts.</summary>
    public const int MaxUploadBytes = 4 * 1024 * 1024;

    /// <summary>The body's bytes; a body over <paramref name="maxBytes"/> is refused with 413 before it is read in full.</summary>
    public static async Task<byte[]> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var refusal = $"The body is larger than {Size(maxBytes)}, the most this request accepts.";
        if (request.ContentLength > maxBytes)
        {
            throw new PayloadTooLargeException(refusal);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new PayloadTooLargeException(refusal);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string Size(int bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024 / 1024} MB" : $"{bytes / 1024} KB";
}
