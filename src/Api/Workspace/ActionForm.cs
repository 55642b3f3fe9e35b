using DistrictMap.Api.Plan;

namespace DistrictMap.Api.Workspace;

/// <summary>
/// The fields of an action a partner edits in the browser. What the form does not show (lead and supporting
/// partners, indicators, location, reference) is carried over from the action as it stands, so that the write the
/// page makes is the API's own <see cref="ActionInput"/>, validated and checked by <see cref="PlanWriter"/>.
/// </summary>
public class ActionForm
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string Priority { get; set; } = "";
    public string Status { get; set; } = "";
    public DateOnly? Start { get; set; }
    public DateOnly? Due { get; set; }
    public bool DistrictWide { get; set; }
    public List<string> Wards { get; set; } = [];

    /// <summary>Tags separated by commas.</summary>
    public string? Tags { get; set; }

    /// <summary>The tags, one by one.</summary>
    protected IReadOnlyList<string> TagList => (Tags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static ActionForm From(ActionDto action) => new()
    {
        Title = action.Title,
        Description = action.Description,
        Priority = action.Priority,
        Status = action.Status,
        Start = action.Start,
        Due = action.Due,
        DistrictWide = action.DistrictWide,
        Wards = [.. action.Wards.Select(w => w.Code)],
        Tags = string.Join(", ", action.Tags),
    };

    public ActionInput ToInput(ActionDto current) => new(
        Title,
        Description ?? "",
        Priority,
        current.LeadPartner.Id,
        [.. current.SupportingPartners.Select(p => p.Id)],
        Status,
        current.Rag,
        Start,
        Due,
        DistrictWide,
        current.District,
        Wards,
        TagList,
        current.Indicators,
        current.Location,
        current.Reference);

    /// <summary>The fields, labelled, as the conflict view compares them.</summary>
    public IReadOnlyList<(string Label, string Value)> Fields(IReadOnlyList<WardRef> wardNames) =>
    [
        ("Title", Title),
        ("Description", Description ?? ""),
        ("Priority", Priority),
        ("Status", Status),
        ("Start", Start?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? ""),
        ("Due", Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? ""),
        ("District-wide", DistrictWide ? "yes" : "no"),
        ("Target wards", string.Join(", ", Wards.Order(StringComparer.Ordinal).Select(c => wardNames.FirstOrDefault(w => w.Code == c)?.Name ?? c))),
        ("Tags", string.Join(", ", TagList)),
    ];
}
