namespace DistrictMap.Api.Places.Import;

/// <summary>How a field's text becomes a column value.</summary>
public enum PlaceFieldKind
{
    Text,
    LongText,
    WebAddress,
    Date,
    Hours,
    Materials,
    RouteKind,
    GreenSpaceType,
    Access,
    ActivityType,
}

/// <summary>A field of a place file: the column it fills, the command-line option that names it, and the field names looked for when none is named.</summary>
/// <param name="ValueOption">The option that gives every feature one value when the file has none, such as <c>--kind</c>.</param>
public sealed record PlaceField(string Column, string Option, IReadOnlyList<string> Candidates, PlaceFieldKind Kind, bool Required = false, string? ValueOption = null, string? Fallback = null);

/// <summary>The fields each layer's files are read with, in one place for the importer, the command line and the README.</summary>
public static class PlaceFields
{
    /// <summary>The feature's identity in its source, so that re-imports update the same rows; the feature's number when absent.</summary>
    public static readonly PlaceField Id = new("id", "--id-field", ["id", "fid", "osm_id"], PlaceFieldKind.Text);

    /// <summary>A true value (true, yes, 1) marks a feature as sample content.</summary>
    public static readonly PlaceField Sample = new("sample", "--sample-field", ["sample"], PlaceFieldKind.Text);

    public static IReadOnlyList<PlaceField> For(PlaceLayer layer) => layer switch
    {
        PlaceLayer.Routes =>
        [
            new("name", "--name-field", ["name", "title"], PlaceFieldKind.Text),
            new("kind", "--kind-field", ["kind", "type", "mode"], PlaceFieldKind.RouteKind, Required: true, ValueOption: "--kind"),
            new("network", "--network-field", ["network", "ref", "route_ref"], PlaceFieldKind.Text),
            new("surface", "--surface-field", ["surface"], PlaceFieldKind.Text),
            new("accessibility", "--accessibility-field", ["accessibility", "access_notes"], PlaceFieldKind.LongText),
        ],
        PlaceLayer.GreenSpaces =>
        [
            new("name", "--name-field", ["name", "site_name"], PlaceFieldKind.Text),
            new("type", "--type-field", ["type", "kind", "category"], PlaceFieldKind.GreenSpaceType, Required: true, ValueOption: "--type"),
            new("access", "--access-field", ["access"], PlaceFieldKind.Access, Required: true, ValueOption: "--access", Fallback: PlaceVocabulary.Public),
        ],
        PlaceLayer.TownCentreProjects =>
        [
            new("town", "--town-field", ["town"], PlaceFieldKind.Text, ValueOption: "--town"),
            new("title", "--title-field", ["title", "name"], PlaceFieldKind.Text, Required: true),
            new("description", "--description-field", ["description", "summary"], PlaceFieldKind.LongText),
            new("status", "--status-field", ["status"], PlaceFieldKind.Text),
            new("lead_partner", "--lead-partner-field", ["lead_partner", "lead", "partner"], PlaceFieldKind.Text),
            new("start_date", "--start-field", ["start", "start_date"], PlaceFieldKind.Date),
            new("end_date", "--end-field", ["end", "end_date"], PlaceFieldKind.Date),
            new("link", "--link-field", ["link", "url", "website"], PlaceFieldKind.WebAddress),
        ],
        PlaceLayer.RecyclingSites =>
        [
            new("name", "--name-field", ["name", "site_name"], PlaceFieldKind.Text),
            new("materials", "--materials-field", ["materials", "accepts"], PlaceFieldKind.Materials),
            new("opening", "--opening-field", ["opening", "opening_hours", "hours"], PlaceFieldKind.LongText),
        ],
        _ =>
        [
            new("type", "--type-field", ["type", "kind"], PlaceFieldKind.ActivityType, Required: true, ValueOption: "--type", Fallback: "activity"),
            new("title", "--title-field", ["title", "name"], PlaceFieldKind.Text, Required: true),
            new("description", "--description-field", ["description", "summary"], PlaceFieldKind.LongText),
            new("schedule", "--when-field", ["when", "schedule"], PlaceFieldKind.Text),
            new("hours_needed", "--hours-field", ["hours_needed", "hours", "time_needed"], PlaceFieldKind.Hours),
            new("contact", "--contact-field", ["contact", "link", "url", "email"], PlaceFieldKind.Text),
        ],
    };
}
