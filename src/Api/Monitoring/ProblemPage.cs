using DistrictMap.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace DistrictMap.Api.Monitoring;

/// <summary>A page asked for something that cannot be shown: the answer is problem details, as the API's are.</summary>
public static class ProblemPage
{
    public static async Task<IActionResult> WriteAsync(HttpContext http, ProblemException problem)
    {
        http.Response.StatusCode = problem.Status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = problem.Status, Detail = problem.Message },
        });
        return new EmptyResult();
    }
}
