using System.Text.Json;
using System.Text.Json.Serialization;
using DistrictMap.Api.Http;

namespace DistrictMap.Api.Wards;

/// <summary>A ward with its deprivation summary for one IoD release (derived from LSOAs; not an official statistic).</summary>
public sealed record WardSummary(
    string Code,
    string Name,
    string District,
    double AreaKm2,
    string? Release,
    long? Population,
    double? ImdScore,
    int? ImdRankInDistrict,
    int? DistrictWardCount,
    int? ImdWorstDecile,
    int? LsoasInMostDeprived10,
    int? LsoasInMostDeprived20,
    int? LsoasInMostDeprived30,
    double? PopulationShareInMostDeprived10,
    double? PopulationShareInMostDeprived20,
    double? PopulationShareInMostDeprived30)
{
    /// <summary>The ward's outline as a GeoJSON geometry, when asked for.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Geometry { get; init; }

    public static readonly IReadOnlyList<CsvColumn<WardSummary>> Columns =
    [
        new("code", w => w.Code),
        new("name", w => w.Name),
        new("district", w => w.District),
        new("areaKm2", w => w.AreaKm2),
        new("release", w => w.Release),
        new("population", w => w.Population),
        new("imdScore", w => w.ImdScore),
        new("imdRankInDistrict", w => w.ImdRankInDistrict),
        new("districtWardCount", w => w.DistrictWardCount),
        new("imdWorstDecile", w => w.ImdWorstDecile),
        new("lsoasInMostDeprived10", w => w.LsoasInMostDeprived10),
        new("lsoasInMostDeprived20", w => w.LsoasInMostDeprived20),
        new("lsoasInMostDeprived30", w => w.LsoasInMostDeprived30),
        new("populationShareInMostDeprived10", w => w.PopulationShareInMostDeprived10),
        new("populationShareInMostDeprived20", w => w.PopulationShareInMostDeprived20),
        new("populationShareInMostDeprived30", w => w.PopulationShareInMostDeprived30),
    ];
}

/// <summary>A ward's place among its district's wards on one index.</summary>
public sealed record WardRank(
    int? Rank,
    string Code,
    string Name,
    double? Score,
    double? TransformedScore,
    string? RankBasis,
    int? WorstDecile,
    int LsoasInMostDeprived10,
    int LsoasInMostDeprived20,
    int LsoasInMostDeprived30,
    long? Population,
    double? PopulationShareInMostDeprived30)
{
    // The ward's places measures, flattened (see Places.WardPlaces); null while a layer holds no features.
    public double? RouteLengthWalkingM { get; init; }
    public double? RouteLengthCyclingM { get; init; }
    public double? RouteLengthSharedM { get; init; }
    public double? GreenSpaceAreaM2 { get; init; }
    public double? GreenSpaceM2Per1000 { get; init; }
    public double? PopulationShareWithin400m { get; init; }
    public double? PopulationShareWithin1km { get; init; }
    public int? Projects { get; init; }
    public int? Activities { get; init; }
    public int? RecyclingSites { get; init; }

    public static readonly IReadOnlyList<CsvColumn<WardRank>> Columns =
    [
        new("rank", w => w.Rank),
        new("code", w => w.Code),
        new("name", w => w.Name),
        new("score", w => w.Score),
        new("transformedScore", w => w.TransformedScore),
        new("rankBasis", w => w.RankBasis),
        new("worstDecile", w => w.WorstDecile),
        new("lsoasInMostDeprived10", w => w.LsoasInMostDeprived10),
        new("lsoasInMostDeprived20", w => w.LsoasInMostDeprived20),
        new("lsoasInMostDeprived30", w => w.LsoasInMostDeprived30),
        new("population", w => w.Population),
        new("populationShareInMostDeprived30", w => w.PopulationShareInMostDeprived30),
        new("routeLengthWalkingM", w => w.RouteLengthWalkingM),
        new("routeLengthCyclingM", w => w.RouteLengthCyclingM),
        new("routeLengthSharedM", w => w.RouteLengthSharedM),
        new("greenSpaceAreaM2", w => w.GreenSpaceAreaM2),
        new("greenSpaceM2Per1000", w => w.GreenSpaceM2Per1000),
        new("populationShareWithin400m", w => w.PopulationShareWithin400m),
        new("populationShareWithin1km", w => w.PopulationShareWithin1km),
        new("projects", w => w.Projects),
        new("activities", w => w.Activities),
        new("recyclingSites", w => w.RecyclingSites),
    ];
}

public sealed record WardRanking(string District, string Release, string By, string Method, IReadOnlyList<WardRank> Wards);

public sealed record WardList(string? District, string? Release, string Method, IReadOnlyList<WardSummary> Wards);

/// <summary>A ward on one index: the population-weighted score, its rank in the district and the LSOA tenths.</summary>
public sealed record WardDomain(
    string Domain,
    double? Score,
    double? TransformedScore,
    int? DistrictRank,
    int DistrictWardCount,
    string? RankBasis,
    int? WorstDecile,
    int LsoasInMostDeprived10,
    int LsoasInMostDeprived20,
    int LsoasInMostDeprived30);

/// <summary>An LSOA counted in a ward.</summary>
public sealed record WardLsoa(string Code, string? Name, int Vintage, string Assignment, double? OverlapShare, double? ImdScore, int? ImdRank, int? ImdDecile, long? Population);

public sealed record CodeName(string Code, string Name);

/// <summary>Whether the ward is a focus ward of the plan, and why.</summary>
public sealed record WardFocus(bool IsFocus, IReadOnlyList<string> Reasons);

/// <summary>A ward's profile: its summary, each index, its LSOAs, its neighbours, what the plan does there, and its places measures.</summary>
public sealed record WardProfile(
    string Code,
    string Name,
    CodeName District,
    double AreaKm2,
    string? Release,
    string Method,
    WardSummary Summary,
    WardFocus Focus,
    IReadOnlyList<WardDomain> Domains,
    IReadOnlyList<WardLsoa> Lsoas,
    IReadOnlyList<CodeName> Neighbours,
    IReadOnlyList<Plan.ActionDto> Actions,
    IReadOnlyList<Plan.WardIndicator> Indicators,
    IReadOnlyList<Link> Links,
    Places.WardPlaces? Places);
