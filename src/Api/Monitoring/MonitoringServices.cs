namespace DistrictMap.Api.Monitoring;

public static class MonitoringServices
{
    /// <summary>The officer's dashboard and quarterly report (pages under /monitoring), and the report's PDF printer.</summary>
    public static IServiceCollection AddDistrictMapMonitoring(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MonitoringOptions>().Bind(configuration.GetSection(MonitoringOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReportPdfOptions>().Bind(configuration.GetSection(ReportPdfOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuditTrail>();
        services.AddScoped<MonitoringDashboard>();
        services.AddSingleton<ReportPdf>();
        return services;
    }
}
