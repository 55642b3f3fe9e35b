using DistrictMap.Api.Access;
using Microsoft.AspNetCore.Authentication;

namespace DistrictMap.Api.Plan;

public static class PlanServices
{
    /// <summary>The plan's reads, writes, rules, and API key authentication for writes.</summary>
    public static IServiceCollection AddDistrictMapPlan(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FocusWardOptions>().Bind(configuration.GetSection(FocusWardOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ActionQueries>();
        services.AddSingleton<FocusWardRule>();
        services.AddSingleton<PlanMonitoring>();
        services.AddScoped<PlanReads>();
        services.AddScoped<PlanWriter>();
        services.AddSingleton<Ogc.ActionFeatures>();
        services.AddScoped<ApiKeys>();

        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(PlanEndpoints.WritePolicy, policy => policy.RequireRole(Roles.Admin, Roles.Partner));
        return services;
    }
}
