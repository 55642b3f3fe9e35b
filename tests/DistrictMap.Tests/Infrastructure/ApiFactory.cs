using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DistrictMap.Tests.Infrastructure;

/// <summary>The real application over a real database, in memory.</summary>
public sealed class ApiFactory(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, Action<IWebHostBuilder>? configure = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:DistrictMap", connectionString);
        // One log line per request would drown the test output; tests that read them turn them back on.
        builder.UseSetting("Logging:LogLevel:DistrictMap.Requests", "Warning");
        // Background tile seeding would compete with every test's own requests; the seeding tests turn it on.
        builder.UseSetting("DistrictMap:Tiles:Seeding:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        configure?.Invoke(builder);

        builder.UseEnvironment("Production");
    }
}
