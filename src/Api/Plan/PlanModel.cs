using DistrictMap.Api.Geography;
using NetTopologySuite.Geometries;

namespace DistrictMap.Api.Plan;

/// <summary>One of the plan's four priorities for action: place, economy, people, environment.</summary>
public sealed class Priority
{
    public required string Code { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public int SortOrder { get; set; }
    public bool Sample { get; set; }
}

/// <summary>A member of the partnership that leads or supports actions.</summary>
public sealed class Partner
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>One of <see cref="PlanVocabulary.Sectors"/>.</summary>
    public required string Sector { get; set; }
    public string? Website { get; set; }
    public bool Sample { get; set; }
}

/// <summary>An action of the plan: who leads it, where it reaches, how it is going.</summary>
public sealed class PlanAction
{
    public int Id { get; set; }
    /// <summary>A stable reference from the plan's own spreadsheet, used to match rows on re-import.</summary>
    public string? Reference { get; set; }
    public required string DistrictCode { get; set; }
    public District? District { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public required string PriorityCode { get; set; }
    public Priority? Priority { get; set; }
    public int LeadPartnerId { get; set; }
    public Partner? LeadPartner { get; set; }
    /// <summary>One of <see cref="PlanVocabulary.Statuses"/>.</summary>
    public required string Status { get; set; }
    /// <summary>One of <see cref="PlanVocabulary.Rags"/>, or null before the first review.</summary>
    public string? Rag { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? Due { get; set; }
    /// <summary>True when the action reaches the whole district rather than target wards.</summary>
    public bool DistrictWide { get; set; }
    /// <summary>A point, line or polygon in EPSG:4326, when the action has a place.</summary>
    public Geometry? Location { get; set; }
    public List<string> Tags { get; set; } = [];
    public bool Sample { get; set; }
    /// <summary>PostgreSQL's xmin: changes with every write, for ETags and optimistic concurrency.</summary>
    public uint Version { get; set; }
    public List<ActionWard> Wards { get; set; } = [];
    public List<ActionSupporter> Supporters { get; set; } = [];
    public List<ActionIndicator> Indicators { get; set; } = [];
    public List<ActionUpdate> Updates { get; set; } = [];
}

public sealed class ActionWard
{
    public int ActionId { get; set; }
    public required string WardCode { get; set; }
    public Ward? Ward { get; set; }
}

public sealed class ActionSupporter
{
    public int ActionId { get; set; }
    public int PartnerId { get; set; }
    public Partner? Partner { get; set; }
}

public sealed class ActionIndicator
{
    public int ActionId { get; set; }
    public required string IndicatorCode { get; set; }
}

/// <summary>A quarterly progress report on an action.</summary>
public sealed class ActionUpdate
{
    public int Id { get; set; }
    public int ActionId { get; set; }
    /// <summary>The quarter reported on, such as 2025-Q2.</summary>
    public required string Quarter { get; set; }
    public required string Rag { get; set; }
    public string Commentary { get; set; } = "";
    public required string Author { get; set; }
    public DateTimeOffset At { get; set; }
    public bool Sample { get; set; }
}

/// <summary>An outcome indicator the plan aims to move.</summary>
public sealed class Indicator
{
    public required string Code { get; set; }
    public required string Title { get; set; }
    public required string Unit { get; set; }
    /// <summary>One of <see cref="PlanVocabulary.Polarities"/>.</summary>
    public required string Polarity { get; set; }
    /// <summary>ward or district: the areas its values are for.</summary>
    public required string Geography { get; set; }
    public string Source { get; set; } = "";
    public string Licence { get; set; } = "";
    public bool Sample { get; set; }
}

/// <summary>An indicator's value for an area (ward or district GSS code) and period (a quarter or a year).</summary>
public sealed class IndicatorValue
{
    public int Id { get; set; }
    public required string IndicatorCode { get; set; }
    public required string AreaCode { get; set; }
    public required string Period { get; set; }
    public double Value { get; set; }
    public double? Target { get; set; }
    public string? Note { get; set; }
    public bool Sample { get; set; }
}
