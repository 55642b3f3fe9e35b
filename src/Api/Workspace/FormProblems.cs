using DistrictMap.Api.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace DistrictMap.Api.Workspace;

/// <summary>
/// Puts the field errors the plan's writer found (the API's own problem details, field by field) beside the fields of
/// a page's form, so that the browser and the REST API speak with one set of rules and one wording.
/// </summary>
public static class FormProblems
{
    /// <param name="state">The page's model state.</param>
    /// <param name="prefix">The name of the form's property on the page model, such as <c>Form</c>.</param>
    /// <param name="problem">What the writer refused.</param>
    /// <param name="shown">The API's names of the fields the form shows; errors of any other field go to the form as a whole. Null: every field is shown.</param>
    public static void AddTo(ModelStateDictionary state, string prefix, ValidationProblemException problem, IReadOnlySet<string>? shown = null)
    {
        foreach (var (field, messages) in problem.Errors)
        {
            var key = shown is null || shown.Contains(field) ? $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}" : "";
            foreach (var message in messages)
            {
                state.AddModelError(key, message);
            }
        }
    }
}
