using NetTopologySuite.Geometries;

namespace DistrictMap.Api.Features.Filtering;

/// <summary>
/// A CQL2 expression (OGC 21-065), from either encoding (cql2-text or cql2-json). <see cref="At"/> says where in the
/// request the node was written ("at character 12", "at $.args[1]"), for error messages.
/// </summary>
public abstract record Cql2Node(string At);

/// <summary>and / or over two or more conditions.</summary>
public sealed record Cql2Logical(bool And, IReadOnlyList<Cql2Node> Args, string At) : Cql2Node(At);

public sealed record Cql2Not(Cql2Node Arg, string At) : Cql2Node(At);

/// <summary>=, &lt;&gt;, &lt;, &gt;, &lt;= or &gt;=.</summary>
public sealed record Cql2Comparison(string Op, Cql2Node Left, Cql2Node Right, string At) : Cql2Node(At);

/// <summary>LIKE, with % for any characters, _ for one and \ to escape them.</summary>
public sealed record Cql2Like(Cql2Node Value, Cql2Node Pattern, string At) : Cql2Node(At);

public sealed record Cql2Between(Cql2Node Value, Cql2Node Low, Cql2Node High, string At) : Cql2Node(At);

public sealed record Cql2In(Cql2Node Value, IReadOnlyList<Cql2Node> List, string At) : Cql2Node(At);

public sealed record Cql2IsNull(Cql2Node Value, string At) : Cql2Node(At);

/// <summary>A spatial function (S_INTERSECTS, S_WITHIN, ...) by its upper-case name.</summary>
public sealed record Cql2Spatial(string Op, Cql2Node Left, Cql2Node Right, string At) : Cql2Node(At);

/// <summary>A temporal function (T_AFTER, T_DURING, ...) by its upper-case name.</summary>
public sealed record Cql2Temporal(string Op, Cql2Node Left, Cql2Node Right, string At) : Cql2Node(At);

public sealed record Cql2Property(string Name, string At) : Cql2Node(At);

public sealed record Cql2String(string Value, string At) : Cql2Node(At);

public sealed record Cql2Number(double Value, string At) : Cql2Node(At);

public sealed record Cql2Boolean(bool Value, string At) : Cql2Node(At);

/// <summary>DATE('...') (a whole day, <see cref="IsDate"/>) or TIMESTAMP('...'), in UTC.</summary>
public sealed record Cql2Instant(DateTime Value, bool IsDate, string At) : Cql2Node(At);

/// <summary>INTERVAL(start, end); a null end is open ('..').</summary>
public sealed record Cql2Interval(Cql2Node? Start, Cql2Node? End, string At) : Cql2Node(At);

/// <summary>CASEI(...): compared without regard to case.</summary>
public sealed record Cql2CaseI(Cql2Node Arg, string At) : Cql2Node(At);

/// <summary>A geometry literal (WKT, GeoJSON or BBOX) in the filter-crs, axes in that CRS's order.</summary>
public sealed record Cql2Geometry(Geometry Value, string At) : Cql2Node(At);

/// <summary>A filter that cannot be read or does not fit the collection: a 400 whose message says where.</summary>
public sealed class Cql2Exception(string message) : Exception(message);

/// <summary>The function names of the CQL2 conformance classes served.</summary>
public static class Cql2Functions
{
    public static readonly IReadOnlyDictionary<string, string> Spatial = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["S_INTERSECTS"] = "ST_Intersects",
        ["S_EQUALS"] = "ST_Equals",
        ["S_DISJOINT"] = "ST_Disjoint",
        ["S_TOUCHES"] = "ST_Touches",
        ["S_WITHIN"] = "ST_Within",
        ["S_OVERLAPS"] = "ST_Overlaps",
        ["S_CROSSES"] = "ST_Crosses",
        ["S_CONTAINS"] = "ST_Contains",
    };

    public static readonly IReadOnlySet<string> Temporal = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "T_AFTER", "T_BEFORE", "T_CONTAINS", "T_DISJOINT", "T_DURING", "T_EQUALS", "T_FINISHEDBY", "T_FINISHES",
        "T_INTERSECTS", "T_MEETS", "T_METBY", "T_OVERLAPPEDBY", "T_OVERLAPS", "T_STARTEDBY", "T_STARTS",
    };

    /// <summary>A DATE or TIMESTAMP literal's text in UTC; throws <see cref="Cql2Exception"/> saying where.</summary>
    public static Cql2Instant Instant(string text, bool isDate, string at)
    {
        if (isDate)
        {
            return DateTime.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var day)
                ? new Cql2Instant(day, true, at)
                : throw new Cql2Exception($"{at}: DATE('{Http.Text.Shorten(text)}') is not a date: give YYYY-MM-DD, such as DATE('2025-04-01').");
        }

        return System.Text.RegularExpressions.Regex.IsMatch(text, @"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,7})?([Zz]|[+-]\d{2}:\d{2})$")
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var instant)
            ? new Cql2Instant(instant.UtcDateTime, false, at)
            : throw new Cql2Exception($"{at}: TIMESTAMP('{Http.Text.Shorten(text)}') is not an RFC 3339 date-time: give one such as TIMESTAMP('2025-04-01T09:30:00Z').");
    }
}
