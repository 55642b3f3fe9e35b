using System.Globalization;
using System.Text.RegularExpressions;
using DistrictMap.Api.Http;

namespace DistrictMap.Api.Features;

/// <summary>
/// When a collection's features hold: SQL (declared in code) for the start, inclusive, and the end, exclusive, of each
/// feature's time as <c>timestamptz</c>. A null start or end is unbounded on that side, so a feature with neither is
/// not tied to a time and every <c>datetime</c> matches it (/req/core/fc-time-response C).
/// </summary>
/// <param name="Start">SQL for the first instant (timestamptz).</param>
/// <param name="End">SQL for the instant just after the last (timestamptz).</param>
/// <param name="Description">What the time is, for the collection's documentation.</param>
/// <param name="StartProperty">The property that holds the start, if one does (its schema role is primary-interval-start).</param>
/// <param name="EndProperty">The property that holds the end, if one does (primary-interval-end).</param>
public sealed record FeatureTemporal(string Start, string End, string Description, string? StartProperty = null, string? EndProperty = null)
{
    /// <summary>From a first and a last day (SQL dates, both inclusive), in UTC.</summary>
    public static FeatureTemporal Days(string firstDay, string lastDay, string description, string? startProperty = null, string? endProperty = null) =>
        new($"(({firstDay})::timestamp AT TIME ZONE 'UTC')", $"((({lastDay}) + 1)::timestamp AT TIME ZONE 'UTC')", description, startProperty, endProperty);

    /// <summary>A whole calendar year (an SQL integer), in UTC.</summary>
    public static FeatureTemporal Year(string year, string description) =>
        new($"make_timestamptz({year}, 1, 1, 0, 0, 0, 'UTC')", $"make_timestamptz(({year}) + 1, 1, 1, 0, 0, 0, 'UTC')", description);
}

/// <summary>A time from a <c>datetime</c> parameter: an instant (Start equals End) or an interval; both ends inclusive, null when open.</summary>
public sealed partial record TimeInterval(DateTime? Start, DateTime? End)
{
    private const string Syntax = "give an RFC 3339 date-time such as 2025-06-01T00:00:00Z, or an interval start/end such as "
        + "2025-01-01T00:00:00Z/2025-12-31T23:59:59Z, with .. (or nothing) for an open end, such as 2025-01-01T00:00:00Z/..";

    /// <summary>Reads a <c>datetime</c> value (OGC API - Features /req/core/fc-time-definition); a date alone means that whole day (UTC).</summary>
    public static TimeInterval Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 1)
        {
            var (first, last) = Instant(parts[0], text);
            return new TimeInterval(first, last);
        }

        if (parts.Length != 2)
        {
            throw new BadRequestException($"datetime '{Text.Shorten(text)}' has more than one '/': {Syntax}.");
        }

        var start = Open(parts[0]) ? (DateTime?)null : Instant(parts[0], text).First;
        var end = Open(parts[1]) ? (DateTime?)null : Instant(parts[1], text).Last;
        if (start is null && end is null)
        {
            throw new BadRequestException($"datetime '{Text.Shorten(text)}' is open at both ends: give at least a start or an end; {Syntax}.");
        }

        if (start > end)
        {
            throw new BadRequestException($"datetime '{Text.Shorten(text)}' ends before it starts: give the start first.");
        }

        return new TimeInterval(start, end);
    }

    private static bool Open(string part) => part is "" or "..";

    /// <summary>The first and last instant a date-time (itself twice) or a date (its whole day) stands for, in UTC.</summary>
    private static (DateTime First, DateTime Last) Instant(string part, string whole)
    {
        if (DateTimePattern().IsMatch(part))
        {
            // .NET keeps 7 fraction digits; RFC 3339 allows any number.
            var trimmed = FractionPattern().Replace(part, m => m.Value.Length > 8 ? m.Value[..8] : m.Value);
            if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                return (instant.UtcDateTime, instant.UtcDateTime);
            }
        }
        else if (DateTime.TryParseExact(part, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day))
        {
            // PostgreSQL keeps microseconds: the last instant of the day is a microsecond before the next.
            return (day, day.AddDays(1).AddTicks(-10));
        }

        throw new BadRequestException($"datetime '{Text.Shorten(whole)}': '{Text.Shorten(part)}' is not a date-time; {Syntax}.");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimePattern();

    [GeneratedRegex(@"\.\d+")]
    private static partial Regex FractionPattern();
}
