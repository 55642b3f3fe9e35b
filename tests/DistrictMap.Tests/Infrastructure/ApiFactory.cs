using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DistrictMap.Tests.Infrastructure;

/// <summary>The real application over a real database, in memory.</summary>
public sealed class ApiFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:DistrictMap", connectionString);
        builder.UseEnvironment("Production");
    }
}
