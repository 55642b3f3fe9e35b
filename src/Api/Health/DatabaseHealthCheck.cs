using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace DistrictMap.Api.Health;

/// <summary>Ready when the database answers and PostGIS is installed in it.</summary>
internal sealed class DatabaseHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        try
        {
            await using var command = dataSource.CreateCommand(
                "SELECT extversion FROM pg_extension WHERE extname = 'postgis'");
            command.CommandTimeout = 2;
            var version = await command.ExecuteScalarAsync(cancellationToken) as string;
            return version is null
                ? HealthCheckResult.Unhealthy("the database answers but PostGIS is not installed")
                : HealthCheckResult.Healthy("database answers", new Dictionary<string, object> { ["postgis"] = version });
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            dataSource.Clear();
            return HealthCheckResult.Unhealthy("the database does not answer", e);
        }
    }
}
