using DistrictMap.Api.Access;
using DistrictMap.Api.Http;
using DistrictMap.Api.Plan;
using DistrictMap.Api.Workspace;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DistrictMap.Api.Pages.Partner;

/// <summary>
/// Uploads indicator values as CSV: the columns explained, a template to download, and the upload itself, written
/// all or nothing by the API's own rules, with every bad row named when nothing was written.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = RequestBodies.MaxUploadBytes + 64 * 1024)]
[RequestSizeLimit(RequestBodies.MaxUploadBytes + 64 * 1024)]
public sealed class UploadModel(IndicatorUpload upload, PlanReads plan) : PageModel
{
    public IReadOnlyList<IndicatorDto> Indicators { get; private set; } = [];

    public UploadOutcome? Outcome { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Indicators = await plan.IndicatorsAsync(cancellationToken);

    public async Task<IActionResult> OnGetTemplateAsync(CancellationToken cancellationToken) =>
        File(await IndicatorUpload.TemplateAsync(cancellationToken), ResponseFormats.CsvMediaType, "indicator-values-template.csv");

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? encoding, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            Outcome = new UploadOutcome(0, 0, "Choose a CSV file to upload.", []);
        }
        else if (file.Length > RequestBodies.MaxUploadBytes)
        {
            Outcome = new UploadOutcome(0, 0, $"The file is larger than {RequestBodies.MaxUploadBytes / (1024 * 1024)} MB: split it.", []);
        }
        else
        {
            using var bytes = new MemoryStream();
            await file.CopyToAsync(bytes, cancellationToken);
            Outcome = await upload.UploadAsync(bytes.ToArray(), encoding, Actor.From(User), cancellationToken);
        }

        await OnGetAsync(cancellationToken);
        var page = Page();
        page.StatusCode = Outcome.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        return page;
    }
}
