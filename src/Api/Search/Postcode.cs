using DistrictMap.Api.Datasets;
using NetTopologySuite.Geometries;

namespace DistrictMap.Api.Search;

/// <summary>A postcode's centroid from the ONS Postcode Directory, with the district, ward and LSOA the ONS places it in.</summary>
public sealed class Postcode
{
    /// <summary>The postcode as the ONS writes it (<c>pcds</c>: one space between the outward and inward codes), such as <c>TN13 1AA</c>.</summary>
    public required string Code { get; set; }
    /// <summary>The postcode in capitals without spaces, for matching what people type.</summary>
    public required string Compact { get; set; }
    /// <summary>The local authority district (<c>oslaua</c>).</summary>
    public string? DistrictCode { get; set; }
    /// <summary>The electoral ward (<c>osward</c>).</summary>
    public string? WardCode { get; set; }
    /// <summary>The LSOA (<c>lsoa21</c>, else <c>lsoa11</c>).</summary>
    public string? LsoaCode { get; set; }
    public required Point Geometry { get; set; }
    public int DatasetId { get; set; }
    public Dataset? Dataset { get; set; }
}

/// <summary>A place or street name from OS Open Names: a city, town, village, hamlet or other settlement, or a named road.</summary>
public sealed class PlaceName
{
    public int Id { get; set; }
    /// <summary>The name's identity in its source (the OS Open Names <c>ID</c>).</summary>
    public required string SourceId { get; set; }
    public required string Name { get; set; }
    /// <summary>The name in lower case, for trigram matching.</summary>
    public required string SearchName { get; set; }
    /// <summary>The OS Open Names <c>LOCAL_TYPE</c>, such as Town, Village, Hamlet or Named Road.</summary>
    public required string LocalType { get; set; }
    /// <summary>The district whose boundary holds the point, when it is loaded.</summary>
    public string? DistrictCode { get; set; }
    public required Point Geometry { get; set; }
    public int DatasetId { get; set; }
    public Dataset? Dataset { get; set; }
}
