using DistrictMap.Api.Http;
using DistrictMap.Api.Monitoring;
using DistrictMap.Api.Plan;
using DistrictMap.Api.Wards;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictMap.Api.Pages.Monitoring;

/// <summary>The officer's dashboard for a district and quarter: public, as the monitoring reads are.</summary>
public sealed class IndexModel(WardsOfDistrict districts, WardQueries wards, PlanMonitoring monitoring, MonitoringDashboard dashboards) : PageModel
{
    public Dashboard Data { get; private set; } = null!;

    /// <summary>The districts with wards loaded, for the district picker.</summary>
    public IReadOnlyList<string> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? district, string? quarter, CancellationToken cancellationToken)
    {
        try
        {
            Data = await dashboards.BuildAsync(await MonitoringRequest.ResolveAsync(districts, monitoring, district, quarter, cancellationToken), cancellationToken);
            Districts = await wards.DistrictsWithWardsAsync(cancellationToken);
            return Page();
        }
        catch (ProblemException e)
        {
            return await ProblemPage.WriteAsync(HttpContext, e);
        }
    }
}
