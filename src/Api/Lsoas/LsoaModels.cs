using System.Text.Json;
using System.Text.Json.Serialization;
using DistrictMap.Api.Http;

namespace DistrictMap.Api.Lsoas;

/// <summary>An LSOA with the ward it is counted in and its Index of Multiple Deprivation.</summary>
public sealed record LsoaSummary(
    string Code,
    string Name,
    int Vintage,
    string? District,
    string? Ward,
    string? WardAssignment,
    string? Release,
    double? ImdScore,
    int? ImdRank,
    int? ImdDecile,
    long? Population)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Geometry { get; init; }

    public static readonly IReadOnlyList<CsvColumn<LsoaSummary>> Columns =
    [
        new("code", l => l.Code),
        new("name", l => l.Name),
        new("vintage", l => l.Vintage),
        new("district", l => l.District),
        new("ward", l => l.Ward),
        new("wardAssignment", l => l.WardAssignment),
        new("release", l => l.Release),
        new("imdScore", l => l.ImdScore),
        new("imdRank", l => l.ImdRank),
        new("imdDecile", l => l.ImdDecile),
        new("population", l => l.Population),
    ];
}

public sealed record LsoaList(string? District, string? Ward, IReadOnlyList<LsoaSummary> Lsoas);

/// <summary>One index or domain of an LSOA: as published, with 1 the most deprived.</summary>
public sealed record LsoaDomain(string Release, string Domain, double? Score, int? Rank, int? Decile, double? TransformedScore);

public sealed record LsoaPopulationDetail(string Release, int? Total, int? Children0To15, int? Aged16To59, int? Aged60AndOver, int? WorkingAge);

public sealed record LsoaWard(string Code, string Name, string Assignment, double? OverlapShare);

public sealed record LsoaDetail(
    string Code,
    string Name,
    int Vintage,
    string? District,
    double AreaKm2,
    LsoaWard? Ward,
    IReadOnlyList<LsoaDomain> Deprivation,
    IReadOnlyList<LsoaPopulationDetail> Population,
    IReadOnlyList<Link> Links);
