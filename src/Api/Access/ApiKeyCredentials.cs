namespace DistrictMap.Api.Access;

/// <summary>
/// The one reading of the API key a request sends, as <c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>,
/// shared by authentication and rate limiting. A request that sends more than one key, or two that differ, is
/// ambiguous: it is refused with 400 before anything reads the key.
/// </summary>
public static class ApiKeyCredentials
{
    public const string Header = "X-Api-Key";
    private const string Bearer = "Bearer ";

    /// <summary>The key the request sends, or null when it sends none.</summary>
    /// <param name="problem">Set, and the key null, when the request sends more than one key or two that differ.</param>
    public static string? Read(HttpRequest request, out string? problem)
    {
        problem = null;
        var sent = request.Headers[Header].Select(k => (k ?? "").Trim()).ToList();
        var bearers = request.Headers.Authorization.Where(a => a is not null && a.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)).ToList();
        // A repeated header counts once per value, also when a proxy has joined the values with a comma.
        var repeated = sent.Count > 1 || bearers.Count > 1 || sent.Concat(bearers).Any(v => v!.Contains(',', StringComparison.Ordinal));
        var key = sent.FirstOrDefault(k => k.Length > 0);
        var bearer = bearers.Select(b => b![Bearer.Length..].Trim()).FirstOrDefault(k => k.Length > 0);
        if (repeated || (key is not null && bearer is not null && !string.Equals(key, bearer, StringComparison.Ordinal)))
        {
            problem = $"The request sends more than one API key. Send exactly one, as 'Authorization: Bearer KEY' or '{Header}: KEY'.";
            return null;
        }

        return key ?? bearer;
    }

    /// <summary>Refuses a request that sends more than one API key with a 400 problem.</summary>
    public static IApplicationBuilder UseApiKeyCredentials(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        Read(context.Request, out var problem);
        if (problem is null)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status400BadRequest, Title = "Bad request", Detail = problem },
        });
    });
}
