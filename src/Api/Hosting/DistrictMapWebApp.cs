using DistrictMap.Api.Access;
using DistrictMap.Api.Accounts;
using DistrictMap.Api.Health;
using DistrictMap.Api.Hosting.OpenApi;
using DistrictMap.Api.Http;
using DistrictMap.Api.Infrastructure.Database;
using DistrictMap.Api.Map;
using DistrictMap.Api.Monitoring;
using DistrictMap.Api.Ogc;
using DistrictMap.Api.Operations;
using DistrictMap.Api.Tiles;

namespace DistrictMap.Api.Hosting;

/// <summary>Builds the one web application that serves the map, the API, the OpenAPI document and health.</summary>
public static class DistrictMapWebApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Serve the map's files from the Web project's build output in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
        builder.Configuration.ServeBuiltAssets();

        builder.Services.AddDistrictMapDatabase(builder.Configuration);
        builder.Services.AddHostedService<StartupMigration>();
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemHandling.AddDetail);
        builder.Services.AddDistrictMapHealth();
        builder.Services.AddDistrictMapApi(builder.Configuration);
        builder.Services.AddDistrictMapPage(builder.Configuration);
        builder.Services.AddDistrictMapPages();
        builder.Services.AddDistrictMapMonitoring(builder.Configuration);
        builder.Services.AddDistrictMapAccounts(builder.Configuration);
        builder.Services.AddDistrictMapOpenApi();
        builder.Services.AddDistrictMapObservability();
        builder.Services.AddDistrictMapRateLimits(builder.Configuration);

        var app = builder.Build();
        app.UseDistrictMapObservability();
        app.UseSecurityHeaders(app.Configuration);
        app.UseHeadAsGet();
        app.UseResponseCompression();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseCors();
        app.UseApiKeyCredentials();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapStaticAssets();
        app.MapMapPage();
        app.MapMapSettings();
        app.MapDistrictMapPages();
        app.MapDistrictMapOpenApi();
        app.MapHealthEndpoints();
        app.MapDistrictMapMetrics();
        app.MapOgcEndpoints().RequireCors(ApiServices.ReadCorsPolicy);
        app.MapRestApi();
        app.MapTileEndpoints().RequireCors(ApiServices.ReadCorsPolicy);
        return app;
    }
}
