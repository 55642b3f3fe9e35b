using System.Net.Sockets;
using DistrictMap.Api.Infrastructure.Database;
using DistrictMap.Api.Infrastructure.Postgres;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace DistrictMap.Api.Http;

/// <summary>Answers 503 problem details, instead of 500, when the database cannot be reached.</summary>
internal sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, NpgsqlDataSource dataSource,
    [FromKeyedServices(ReadOnlyDatabase.Key)] NpgsqlDataSource readOnly) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsOutage(exception))
        {
            return false;
        }

        // Pooled connections opened before an outage are dead: drop them, so the first requests after the
        // database returns open fresh ones instead of failing on stale ones.
        dataSource.Clear();
        readOnly.Clear();
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = "The database does not answer; try again shortly.",
            },
            Exception = exception,
        });
    }

    private static bool IsOutage(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException { InnerException: SocketException or TimeoutException or IOException } => true,
        NpgsqlException npgsql when npgsql.IsTransient => true,
        ProvisioningException => true,
        TimeoutException => true,
        _ => exception.InnerException is { } inner && IsOutage(inner),
    };
}
