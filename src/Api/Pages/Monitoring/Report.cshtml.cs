using DistrictMap.Api.Http;
using DistrictMap.Api.Monitoring;
using DistrictMap.Api.Plan;
using DistrictMap.Api.Wards;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictMap.Api.Pages.Monitoring;

/// <summary>The quarterly report: the dashboard's sections as one printable page (f=html, the default), or as PDF (f=pdf).</summary>
public sealed class ReportModel(WardsOfDistrict districts, PlanMonitoring monitoring, MonitoringDashboard dashboards, ReportPdf pdf) : PageModel
{
    public Dashboard Data { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? district, string? quarter, string? f, CancellationToken cancellationToken)
    {
        try
        {
            if (f is not (null or "html" or "pdf"))
            {
                throw new BadRequestException($"f '{Text.Shorten(f)}' must be html or pdf.");
            }

            var request = await MonitoringRequest.ResolveAsync(districts, monitoring, district, quarter, cancellationToken);
            if (f == "pdf")
            {
                var bytes = await pdf.RenderAsync(ReportUrl(request), cancellationToken);
                return File(bytes, "application/pdf", $"monitoring-{request.District}-{request.Quarter}.pdf");
            }

            Data = await dashboards.BuildAsync(request, cancellationToken);
            return Page();
        }
        catch (ProblemException e)
        {
            return await ProblemPage.WriteAsync(HttpContext, e);
        }
    }

    public static string ReportUrl(MonitoringRequest request, string? format = null) =>
        $"/monitoring/report?district={Uri.EscapeDataString(request.District)}&quarter={Uri.EscapeDataString(request.Quarter)}{(format is null ? "" : "&f=" + format)}";
}
