using System.Text.Json;
using System.Text.Json.Serialization;
using DistrictMap.Api.Http;

namespace DistrictMap.Api.Plan;

public sealed record PartnerRef(int Id, string Name);

public sealed record WardRef(string Code, string Name);

/// <summary>An action as the API shows it.</summary>
public sealed record ActionDto(
    int Id,
    string? Reference,
    string District,
    string Title,
    string Description,
    string Priority,
    PartnerRef LeadPartner,
    IReadOnlyList<PartnerRef> SupportingPartners,
    string Status,
    string? Rag,
    DateOnly? Start,
    DateOnly? Due,
    bool DistrictWide,
    IReadOnlyList<WardRef> Wards,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Indicators,
    bool Sample,
    JsonElement? Location)
{
    /// <summary>The strong entity tag of this version of the action, for If-Match.</summary>
    [JsonIgnore]
    public string ETag { get; init; } = "";

    /// <summary>Quarterly updates, newest first (on the single-action resource only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ActionUpdateDto>? Updates { get; init; }

    public static readonly IReadOnlyList<CsvColumn<ActionDto>> Columns =
    [
        new("id", a => a.Id),
        new("reference", a => a.Reference),
        new("district", a => a.District),
        new("title", a => a.Title),
        new("description", a => a.Description),
        new("priority", a => a.Priority),
        new("leadPartner", a => a.LeadPartner.Name),
        new("supportingPartners", a => string.Join(';', a.SupportingPartners.Select(p => p.Name))),
        new("status", a => a.Status),
        new("rag", a => a.Rag),
        new("start", a => a.Start),
        new("due", a => a.Due),
        new("districtWide", a => a.DistrictWide),
        new("wards", a => string.Join(';', a.Wards.Select(w => w.Code))),
        new("tags", a => string.Join(';', a.Tags)),
        new("indicators", a => string.Join(';', a.Indicators)),
        new("sample", a => a.Sample),
    ];
}

public sealed record ActionUpdateDto(int Id, string Quarter, string Rag, string Commentary, string Author, DateTimeOffset At, bool Sample);

public sealed record ActionList(IReadOnlyList<ActionDto> Actions);

public sealed record PriorityDto(string Code, string Title, string Description, bool Sample);

public sealed record PartnerDto(int Id, string Name, string Sector, string? Website, bool Sample);

public sealed record IndicatorDto(string Code, string Title, string Unit, string Polarity, string Geography, string Source, string Licence, bool Sample);

public sealed record IndicatorValueDto(string Area, string? AreaName, string Period, double Value, double? Target, string? Note, double? DistrictValue, bool Sample)
{
    public static readonly IReadOnlyList<CsvColumn<IndicatorValueDto>> Columns =
    [
        new("area", v => v.Area),
        new("areaName", v => v.AreaName),
        new("period", v => v.Period),
        new("value", v => v.Value),
        new("target", v => v.Target),
        new("note", v => v.Note),
        new("districtValue", v => v.DistrictValue),
        new("sample", v => v.Sample),
    ];
}

public sealed record IndicatorValues(IndicatorDto Indicator, IReadOnlyList<IndicatorValueDto> Values);

/// <summary>A write of an action: what a partner sends to create or replace one.</summary>
public sealed record ActionInput(
    string? Title,
    string? Description,
    string? Priority,
    int? LeadPartnerId,
    IReadOnlyList<int>? SupportingPartnerIds,
    string? Status,
    string? Rag,
    DateOnly? Start,
    DateOnly? Due,
    bool? DistrictWide,
    string? District,
    IReadOnlyList<string>? Wards,
    IReadOnlyList<string>? Tags,
    IReadOnlyList<string>? Indicators,
    JsonElement? Location,
    string? Reference);

public sealed record ActionUpdateInput(string? Quarter, string? Rag, string? Commentary);

public sealed record IndicatorValueInput(string? Area, string? Period, double? Value, double? Target, string? Note);
