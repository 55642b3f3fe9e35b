using System.Globalization;
using NetTopologySuite.IO;
using Npgsql;
using NpgsqlTypes;

namespace DistrictMap.Api.Features.Filtering;

/// <summary>A condition for a WHERE clause: SQL from declared expressions, and every value of the request as a parameter.</summary>
public sealed record SqlFilter(string Sql, IReadOnlyList<NpgsqlParameter> Parameters);

/// <summary>
/// Turns a CQL2 expression into parameterised SQL over a collection's declared queryables: property names become the
/// SQL expressions declared in code, and every literal (text, number, date, geometry) becomes a bind parameter, so
/// no value of the request is ever put into SQL text. Types are checked, with the position of any mismatch.
/// </summary>
public sealed class Cql2Sql(FeatureCollectionDefinition collection, CoordinateReferenceSystem filterCrs)
{
    private enum Kind
    {
        Text,
        Number,
        Boolean,
        Date,
        Timestamp,
    }

    private readonly List<NpgsqlParameter> parameters = [];

    public static SqlFilter Compile(Cql2Node filter, FeatureCollectionDefinition collection, CoordinateReferenceSystem filterCrs)
    {
        var compiler = new Cql2Sql(collection, filterCrs);
        var sql = compiler.Condition(filter);
        return new SqlFilter(sql, compiler.parameters);
    }

    private string Condition(Cql2Node node) => node switch
    {
        Cql2Logical l => "(" + string.Join(l.And ? " AND " : " OR ", l.Args.Select(Condition)) + ")",
        Cql2Not n => $"(NOT {Condition(n.Arg)})",
        Cql2Boolean b => b.Value ? "true" : "false",
        Cql2Comparison c => Comparison(c),
        Cql2Like like => Like(like),
        Cql2Between between => Between(between),
        Cql2In @in => In(@in),
        Cql2IsNull isNull => $"({Scalar(isNull.Value).Sql} IS NULL)",
        Cql2Spatial spatial => $"{Cql2Functions.Spatial[spatial.Op]}({Geometry(spatial.Left)}, {Geometry(spatial.Right)})",
        Cql2Temporal temporal => Temporal(temporal),
        _ => throw new Cql2Exception($"{node.At}: expected a condition, not a value."),
    };

    private string Comparison(Cql2Comparison c)
    {
        var (left, right) = Pair(c.Left, c.Right, c.At, $"compared with {c.Op}");
        return $"({left} {c.Op} {right})";
    }

    private string Like(Cql2Like like)
    {
        var value = Scalar(like.Value);
        var pattern = Scalar(like.Pattern);
        if (value.Kind != Kind.Text || pattern.Kind != Kind.Text)
        {
            throw new Cql2Exception($"{like.At}: LIKE compares text with a text pattern (% any characters, _ one character).");
        }

        return $"({value.Sql} LIKE {pattern.Sql})";
    }

    private string Between(Cql2Between between)
    {
        var (value, low) = Pair(between.Value, between.Low, between.At, "given a BETWEEN bound");
        var (_, high) = Pair(between.Value, between.High, between.At, "given a BETWEEN bound");
        return $"({value} BETWEEN {low} AND {high})";
    }

    private string In(Cql2In @in)
    {
        var items = @in.List.Select(item => Pair(@in.Value, item, item.At, "listed in IN").Right).ToList();
        return $"({Scalar(@in.Value).Sql} IN ({string.Join(", ", items)}))";
    }

    /// <summary>Both sides as SQL of one type (a date meets a timestamp as the start of its day in UTC).</summary>
    private (string Left, string Right) Pair(Cql2Node leftNode, Cql2Node rightNode, string at, string how)
    {
        var left = Scalar(leftNode);
        var right = Scalar(rightNode);
        if (left.Kind == right.Kind)
        {
            return (left.Sql, right.Sql);
        }

        if (left.Kind is Kind.Date or Kind.Timestamp && right.Kind is Kind.Date or Kind.Timestamp)
        {
            return (AsTimestamp(left), AsTimestamp(right));
        }

        throw new Cql2Exception($"{at}: {Describe(leftNode, left.Kind)} cannot be {how} {Describe(rightNode, right.Kind)}.");
    }

    private (string Sql, Kind Kind) Scalar(Cql2Node node)
    {
        switch (node)
        {
            case Cql2Property p:
                var property = Queryable(p);
                return (property.Expression, KindOf(property.Type));
            case Cql2String s:
                if (Http.Text.ForbiddenControl(s.Value) is not null)
                {
                    throw new Cql2Exception($"{s.At}: the text holds a control character.");
                }

                return (Add(NpgsqlDbType.Text, s.Value), Kind.Text);
            case Cql2Number n:
                if (!double.IsFinite(n.Value))
                {
                    throw new Cql2Exception($"{n.At}: the number is too large.");
                }

                return n.Value == Math.Floor(n.Value) && Math.Abs(n.Value) < 9e15
                    ? (Add(NpgsqlDbType.Bigint, (long)n.Value), Kind.Number)
                    : (Add(NpgsqlDbType.Double, n.Value), Kind.Number);
            case Cql2Boolean b:
                return (Add(NpgsqlDbType.Boolean, b.Value), Kind.Boolean);
            case Cql2Instant i:
                return i.IsDate ? (Add(NpgsqlDbType.Date, DateOnly.FromDateTime(i.Value)), Kind.Date) : (Add(NpgsqlDbType.TimestampTz, i.Value), Kind.Timestamp);
            case Cql2CaseI c:
                var inner = Scalar(c.Arg);
                return inner.Kind == Kind.Text
                    ? ($"lower({inner.Sql})", Kind.Text)
                    : throw new Cql2Exception($"{c.At}: CASEI takes text, not {Describe(c.Arg, inner.Kind)}.");
            default:
                throw new Cql2Exception($"{node.At}: expected a value (a queryable, text, a number, a boolean, DATE or TIMESTAMP), not {Name(node)}.");
        }
    }

    private FeatureProperty Queryable(Cql2Property p)
    {
        var queryables = collection.FilterQueryables.ToList();
        return queryables.FirstOrDefault(q => q.Name == p.Name)
            ?? throw new Cql2Exception(p.Name == FeatureCollectionDefinition.GeometryQueryable
                ? $"{p.At}: {p.Name} is the geometry: use it in a spatial function such as S_INTERSECTS({p.Name}, POINT(0.19 51.27))."
                : $"{p.At}: '{Http.Text.Shorten(p.Name)}' is not a queryable of {collection.Id}. Queryables: {string.Join(", ", queryables.Select(q => q.Name).Append(FeatureCollectionDefinition.GeometryQueryable))}.");
    }

    private string Geometry(Cql2Node node)
    {
        switch (node)
        {
            case Cql2Property { Name: FeatureCollectionDefinition.GeometryQueryable }:
                return collection.GeometryExpression;
            case Cql2Property p:
                throw new Cql2Exception($"{p.At}: '{Http.Text.Shorten(p.Name)}' is not a geometry: the geometry queryable is {FeatureCollectionDefinition.GeometryQueryable}.");
            case Cql2Geometry g:
                Check(g);
                var srid = filterCrs.Srid.ToString(CultureInfo.InvariantCulture);
                return filterCrs.ToStorage($"ST_GeomFromWKB({Add(NpgsqlDbType.Bytea, new WKBWriter().Write(g.Value))}, {srid})");
            default:
                throw new Cql2Exception($"{node.At}: a spatial function takes the geometry queryable or a geometry (WKT, GeoJSON or BBOX), not {Name(node)}.");
        }
    }

    private void Check(Cql2Geometry g)
    {
        var coordinates = g.Value.Coordinates;
        if (coordinates.Length == 0)
        {
            throw new Cql2Exception($"{g.At}: the geometry is empty.");
        }

        var (xLimit, yLimit) = filterCrs.Geographic
            ? filterCrs.LatitudeFirst ? (90.0, 180.0) : (180.0, 90.0)
            : (2.0e7, 2.0e7);
        if (coordinates.Any(c => !double.IsFinite(c.X) || !double.IsFinite(c.Y) || Math.Abs(c.X) > xLimit || Math.Abs(c.Y) > yLimit))
        {
            throw new Cql2Exception($"{g.At}: a coordinate is outside {filterCrs.Uri}" + (filterCrs.Geographic ? $" ({(filterCrs.LatitudeFirst ? "latitude, longitude" : "longitude, latitude")})." : "."));
        }

        if (!g.Value.IsValid)
        {
            var error = new NetTopologySuite.Operation.Valid.IsValidOp(g.Value).ValidationError;
            throw new Cql2Exception($"{g.At}: the geometry is not valid: {error?.Message ?? "invalid"}.");
        }
    }

    private string Temporal(Cql2Temporal t)
    {
        var (s1, e1) = Interval(t.Left);
        var (s2, e2) = Interval(t.Right);
        var condition = t.Op switch
        {
            "T_AFTER" => $"{s1} > {e2}",
            "T_BEFORE" => $"{e1} < {s2}",
            "T_CONTAINS" => $"{s1} < {s2} AND {e1} > {e2}",
            "T_DISJOINT" => $"({s1} > {e2} OR {e1} < {s2})",
            "T_DURING" => $"{s1} > {s2} AND {e1} < {e2}",
            "T_EQUALS" => $"{s1} = {s2} AND {e1} = {e2}",
            "T_FINISHEDBY" => $"{s1} < {s2} AND {e1} = {e2}",
            "T_FINISHES" => $"{s1} > {s2} AND {e1} = {e2}",
            "T_INTERSECTS" => $"{s1} <= {e2} AND {e1} >= {s2}",
            "T_MEETS" => $"{e1} = {s2}",
            "T_METBY" => $"{s1} = {e2}",
            "T_OVERLAPPEDBY" => $"{s1} > {s2} AND {s1} < {e2} AND {e1} > {e2}",
            "T_OVERLAPS" => $"{s1} < {s2} AND {e1} > {s2} AND {e1} < {e2}",
            "T_STARTEDBY" => $"{s1} = {s2} AND {e1} > {e2}",
            "T_STARTS" => $"{s1} = {s2} AND {e1} < {e2}",
            _ => throw new Cql2Exception($"{t.At}: {t.Op} is not a temporal function."),
        };
        return $"({condition})";
    }

    /// <summary>An instant or an interval as its first and last instants (timestamptz; open ends infinite).</summary>
    private (string Start, string End) Interval(Cql2Node node)
    {
        if (node is Cql2Interval interval)
        {
            var start = interval.Start is null ? "'-infinity'::timestamptz" : Instant(interval.Start);
            var end = interval.End is null ? "'infinity'::timestamptz" : Instant(interval.End);
            return (start, end);
        }

        var instant = Instant(node);
        return (instant, instant);
    }

    private string Instant(Cql2Node node)
    {
        var value = node is Cql2Property or Cql2Instant ? Scalar(node) : default;
        return value.Kind is Kind.Date or Kind.Timestamp && value.Sql is not null
            ? AsTimestamp(value)
            : throw new Cql2Exception($"{node.At}: a temporal function takes dates, timestamps, intervals or the temporal queryables "
                + $"({string.Join(", ", collection.FilterQueryables.Where(q => q.Type == PropertyType.Date).Select(q => q.Name).DefaultIfEmpty("none here"))}), not {Name(node)}.");
    }

    private static string AsTimestamp((string Sql, Kind Kind) value) =>
        value.Kind == Kind.Date ? $"(({value.Sql})::timestamp AT TIME ZONE 'UTC')" : value.Sql;

    private string Add(NpgsqlDbType type, object value)
    {
        var name = $"cql{parameters.Count}";
        parameters.Add(new NpgsqlParameter(name, type) { Value = value });
        return "@" + name;
    }

    private static Kind KindOf(PropertyType type) => type switch
    {
        PropertyType.WholeNumber or PropertyType.Number => Kind.Number,
        PropertyType.TrueFalse => Kind.Boolean,
        PropertyType.Date => Kind.Date,
        _ => Kind.Text,
    };

    private static string Describe(Cql2Node node, Kind kind) => node is Cql2Property p ? $"{p.Name} ({Word(kind)})" : Word(kind);

    private static string Word(Kind kind) => kind switch
    {
        Kind.Text => "text",
        Kind.Number => "a number",
        Kind.Boolean => "a boolean",
        Kind.Date => "a date",
        _ => "a timestamp",
    };

    private static string Name(Cql2Node node) => node switch
    {
        Cql2Geometry => "a geometry",
        Cql2Interval => "an interval",
        Cql2String => "text",
        Cql2Number => "a number",
        Cql2Boolean => "a boolean",
        Cql2Property p => $"the property {p.Name}",
        _ => "a condition",
    };
}
