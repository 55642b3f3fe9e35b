using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace DistrictMap.Api.Operations;

/// <summary>Per-client request budgets. A limit of 0 turns that limiter off.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "DistrictMap:RateLimits";

    /// <summary>Writes per minute for one API key (or one address without a key).</summary>
    [Range(0, 1_000_000)]
    public int WritesPerMinute { get; set; } = 60;

    /// <summary>Expensive reads (feature pages, downloads, tiles, near me) per minute for one address.</summary>
    [Range(0, 10_000_000)]
    public int ExpensiveReadsPerMinute { get; set; } = 3000;
}

/// <summary>ASP.NET Core rate limiting on writes and expensive reads; refusals are 429 problem details with Retry-After.</summary>
public static class RateLimits
{
    public const string Writes = "writes";
    public const string ExpensiveReads = "expensive-reads";

    public static IServiceCollection AddDistrictMapRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(60);
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"This client has used its budget of requests for the moment; try again in {Math.Ceiling(retry.TotalSeconds)} s.",
                    },
                });
            };
            options.AddPolicy(Writes, context => Partition(context, o => o.WritesPerMinute, ClientKey(context, preferApiKey: true)));
            options.AddPolicy(ExpensiveReads, context => Partition(context, o => o.ExpensiveReadsPerMinute, ClientKey(context, preferApiKey: false)));
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, Func<RateLimitOptions, int> limit, string client)
    {
        var perMinute = limit(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        return perMinute == 0
            ? RateLimitPartition.GetNoLimiter(client)
            : RateLimitPartition.GetTokenBucketLimiter(client, _ => Bucket(perMinute));
    }

    /// <summary>A bucket that allows <paramref name="perMinute"/> requests a minute on average, in bursts of up to a sixth of that.</summary>
    private static TokenBucketRateLimiterOptions Bucket(int perMinute) => new()
    {
        TokenLimit = Math.Max(1, perMinute / 6),
        TokensPerPeriod = Math.Max(1, perMinute / 60),
        ReplenishmentPeriod = perMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromMinutes(1) / perMinute,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>
    /// For writes, the authenticated key (so one key is one client, however it is sent), else the remote address.
    /// Rate limiting runs after authentication, so that a key that is not known counts against its address.
    /// </summary>
    private static string ClientKey(HttpContext context, bool preferApiKey) =>
        preferApiKey && context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } key
            ? "key:" + key
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
