using System.Diagnostics;
using OpenTelemetry.Metrics;

namespace DistrictMap.Api.Operations;

/// <summary>
/// Metrics in Prometheus format at /metrics (OpenTelemetry: HTTP server, .NET runtime, Npgsql), and one
/// structured log line per request carrying a correlation id, which the response echoes in X-Correlation-Id.
/// </summary>
public static partial class Observability
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public static IServiceCollection AddDistrictMapObservability(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter("Npgsql")
            .AddMeter(Tiles.TileMetrics.MeterName)
            .AddPrometheusExporter());
        return services;
    }

    public static WebApplication UseDistrictMapObservability(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DistrictMap.Requests");
        app.Use(async (context, next) =>
        {
            var incoming = context.Request.Headers[CorrelationHeader].ToString();
            var correlation = incoming.Length is > 0 and <= 64 && incoming.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
                ? incoming
                : Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
            context.Response.Headers[CorrelationHeader] = correlation;
            var started = Stopwatch.GetTimestamp();
            using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlation }))
            {
                try
                {
                    await next(context);
                }
                finally
                {
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    LogRequest(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode, elapsed, correlation);
                }
            }
        });
        return app;
    }

    public static WebApplication MapDistrictMapMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").ExcludeFromDescription();
        return app;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} answered {Status} in {ElapsedMs:0.0} ms [{CorrelationId}]")]
    private static partial void LogRequest(ILogger logger, string method, PathString path, int status, double elapsedMs, string correlationId);
}
