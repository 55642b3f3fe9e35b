using System.Text.RegularExpressions;
using DistrictMap.Api.Features;

namespace DistrictMap.Api.Plan;

/// <summary>The plan's actions as an OGC API feature collection, drawn where they act.</summary>
public static partial class PlanCollections
{
    public static readonly FeatureCollectionDefinition Actions = new()
    {
        Id = "actions",
        Title = "Plan actions",
        Description = "Actions of the community plan, drawn at their own location, else at an interior point of their target wards, "
            + "else of their district. Sample actions are marked sample.",
        From = "actions a JOIN partners lp ON lp.id = a.lead_partner_id",
        IdExpression = "a.id",
        IdPattern = IdPattern(),
        IdDescription = "an action id (a whole number)",
        GeometryExpression = ActionQueries.MapGeometry,
        DatasetKinds = [],
        Keywords = ["community plan", "actions"],
        TileProperties = ["title", "priority", "status", "rag", "sample"],
        Temporal = FeatureTemporal.Days("a.start", "a.due", "From the action's start to its due date (each open when not set)", "start", "due"),
        Properties =
        [
            new("id", "a.id", PropertyType.WholeNumber, "Action id"),
            new("title", "a.title", PropertyType.Text, "Title"),
            new("priority", "a.priority_code", PropertyType.Text, "The plan priority: place, economy, people or environment", Queryable: true),
            new("status", "a.status", PropertyType.Text, "planned, in-progress, complete or paused", Queryable: true),
            new("rag", "a.rag", PropertyType.Text, "Latest RAG: green, amber or red", Queryable: true),
            new("start", "a.start", PropertyType.Date, "Start date, where set"),
            new("due", "a.due", PropertyType.Date, "Due date, where set"),
            new("lead_partner", "lp.name", PropertyType.Text, "The lead partner"),
            new("district", "a.district_code", PropertyType.Text, "GSS code of the district", Queryable: true),
            new("wards", "(SELECT string_agg(aw.ward_code, ',' ORDER BY aw.ward_code) FROM action_wards aw WHERE aw.action_id = a.id)", PropertyType.Text, "Target wards (GSS codes, comma-separated)"),
            new("tags", "array_to_string(a.tags, ',')", PropertyType.Text, "Tags, comma-separated"),
            new("district_wide", "a.district_wide", PropertyType.TrueFalse, "Whether the action reaches the whole district"),
            new("sample", "a.sample", PropertyType.TrueFalse, "True for sample content, not the real plan"),
        ],
    };

    [GeneratedRegex("^[0-9]{1,9}$")]
    private static partial Regex IdPattern();
}
