using System.Text.Json;
using DistrictMap.Api.Plan;

namespace DistrictMap.Api.Workspace;

/// <summary>
/// The fields of a new action as a partner fills them in the browser: those of <see cref="ActionForm"/>, the district,
/// the lead partner (an admin chooses it; a partner's own organisation leads) and the location drawn on the map as a
/// GeoJSON geometry. The write is the API's own <see cref="ActionInput"/>, validated by <see cref="PlanWriter"/>.
/// </summary>
public sealed class NewActionForm : ActionForm
{
    public string District { get; set; } = "";

    /// <summary>The lead partner's id; only an admin's choice counts, a partner's organisation always leads its own.</summary>
    public int? LeadPartnerId { get; set; }

    /// <summary>A GeoJSON geometry (the shape drawn on the map), or empty for none.</summary>
    public string? Location { get; set; }

    public NewActionForm() => Status = "planned";

    public ActionInput ToInput(int? leadPartnerId) => new(
        Title,
        Description ?? "",
        Priority,
        leadPartnerId,
        [],
        Status,
        null,
        Start,
        Due,
        DistrictWide,
        District,
        Wards,
        TagList,
        [],
        LocationJson(),
        null);

    /// <summary>
    /// The location as JSON for the writer. Text that is not JSON at all is passed on as a JSON string, so that the
    /// writer's own rule refuses it with the API's wording rather than the page inventing a second one.
    /// </summary>
    private JsonElement? LocationJson()
    {
        if (string.IsNullOrWhiteSpace(Location))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Location);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(Location);
        }
    }
}
