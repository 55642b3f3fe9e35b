using DistrictMap.Api.Http;
using DistrictMap.Api.Plan;
using DistrictMap.Api.Wards;

namespace DistrictMap.Api.Monitoring;

/// <summary>The district and quarter a dashboard or report is for, checked as the monitoring API checks them.</summary>
public sealed record MonitoringRequest(string District, string Quarter)
{
    /// <summary>400 for a malformed district or quarter, 404 for a district with no wards loaded.</summary>
    public static async Task<MonitoringRequest> ResolveAsync(WardsOfDistrict districts, PlanMonitoring monitoring, string? district, string? quarter, CancellationToken cancellationToken)
    {
        if (quarter is not null && !PlanVocabulary.IsQuarter(quarter))
        {
            throw new BadRequestException($"quarter '{Text.Shorten(quarter)}' must look like 2025-Q2.");
        }

        var code = await districts.ResolveAsync(string.IsNullOrEmpty(district) ? null : district, cancellationToken);
        return new MonitoringRequest(code, quarter ?? monitoring.CurrentQuarter);
    }
}
