using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;
using Superpower.Tokenizers;

namespace DistrictMap.Api.Features.Filtering;

/// <summary>
/// Reads CQL2 text (OGC 21-065 cql2-text) into a <see cref="Cql2Node"/> with Superpower: a tokenizer that keeps each
/// token's position and parser combinators over the tokens, so that every error names the character it is at.
/// Geometry literals are WKT, read by NetTopologySuite.
/// </summary>
public static class Cql2TextParser
{
    /// <summary>Filters nested deeper than this are refused before parsing (parsing recurses).</summary>
    public const int MaxNesting = 40;

    private enum Cql2Token
    {
        Identifier,
        QuotedIdentifier,
        String,
        Number,
        LParen,
        RParen,
        Comma,
        Equal,
        NotEqual,
        LessOrEqual,
        GreaterOrEqual,
        Less,
        Greater,
    }

    private static readonly Tokenizer<Cql2Token> Tokenizer = new TokenizerBuilder<Cql2Token>()
        .Ignore(Span.WhiteSpace)
        .Match(Character.EqualTo('('), Cql2Token.LParen)
        .Match(Character.EqualTo(')'), Cql2Token.RParen)
        .Match(Character.EqualTo(','), Cql2Token.Comma)
        .Match(Span.EqualTo("<>"), Cql2Token.NotEqual)
        .Match(Span.EqualTo("<="), Cql2Token.LessOrEqual)
        .Match(Span.EqualTo(">="), Cql2Token.GreaterOrEqual)
        .Match(Character.EqualTo('='), Cql2Token.Equal)
        .Match(Character.EqualTo('<'), Cql2Token.Less)
        .Match(Character.EqualTo('>'), Cql2Token.Greater)
        .Match(QuotedString.SqlStyle, Cql2Token.String)
        .Match(Span.Regex("\"[^\"]+\""), Cql2Token.QuotedIdentifier)
        .Match(Span.Regex(@"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?"), Cql2Token.Number)
        .Match(Span.Regex(@"[A-Za-z_][A-Za-z0-9_.:]*"), Cql2Token.Identifier)
        .Build();

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL", "TRUE", "FALSE", "DATE", "TIMESTAMP", "INTERVAL", "CASEI", "BBOX",
        "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION",
    };

    private static readonly string[] WktKinds = ["POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION"];

    /// <summary>Reads <paramref name="text"/>; throws <see cref="Cql2Exception"/> naming the position of the error.</summary>
    public static Cql2Node Parse(string text)
    {
        CheckNesting(text);
        var tokens = Tokenizer.TryTokenize(text);
        if (!tokens.HasValue)
        {
            throw new Cql2Exception($"at character {tokens.ErrorPosition.Absolute + 1}: {tokens.FormatErrorMessageFragment()}.");
        }

        var parsed = Filter.TryParse(tokens.Value);
        if (!parsed.HasValue)
        {
            var at = parsed.ErrorPosition.HasValue ? $"at character {parsed.ErrorPosition.Absolute + 1}" : "at the end";
            throw new Cql2Exception($"{at}: {parsed.FormatErrorMessageFragment()}.");
        }

        return parsed.Value;
    }

    private static void CheckNesting(string text)
    {
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(' && ++depth > MaxNesting)
            {
                throw new Cql2Exception($"at character {i + 1}: parentheses are nested more than {MaxNesting} deep.");
            }
            else if (!quoted && c == ')')
            {
                depth--;
            }
        }
    }

    private static string At(Token<Cql2Token> token) => $"at character {token.Position.Absolute + 1}";

    private static TokenListParser<Cql2Token, Token<Cql2Token>> Keyword(string word) => Token.EqualToValueIgnoreCase(Cql2Token.Identifier, word);

    private static TokenListParser<Cql2Token, Token<Cql2Token>> Function(Func<string, bool> isName, string description) =>
        Token.EqualTo(Cql2Token.Identifier).Where(t => isName(t.ToStringValue()), description);

    private static readonly TokenListParser<Cql2Token, Token<Cql2Token>> LParen = Token.EqualTo(Cql2Token.LParen);
    private static readonly TokenListParser<Cql2Token, Token<Cql2Token>> RParen = Token.EqualTo(Cql2Token.RParen);
    private static readonly TokenListParser<Cql2Token, Token<Cql2Token>> Comma = Token.EqualTo(Cql2Token.Comma);

    private static readonly TokenListParser<Cql2Token, Cql2Node> StringLiteral =
        Token.EqualTo(Cql2Token.String).Select(t => (Cql2Node)new Cql2String(Unquote(t.ToStringValue()), At(t)));

    private static readonly TokenListParser<Cql2Token, Cql2Node> NumberLiteral =
        Token.EqualTo(Cql2Token.Number).Select(t => (Cql2Node)new Cql2Number(double.Parse(t.ToStringValue(), NumberStyles.Float, CultureInfo.InvariantCulture), At(t)));

    private static readonly TokenListParser<Cql2Token, Cql2Node> BooleanLiteral =
        Keyword("TRUE").Select(t => (Cql2Node)new Cql2Boolean(true, At(t)))
            .Or(Keyword("FALSE").Select(t => (Cql2Node)new Cql2Boolean(false, At(t))));

    private static TokenListParser<Cql2Token, Cql2Node> InstantLiteral(string word, bool isDate) =>
        from keyword in Keyword(word)
        from open in LParen
        from value in Token.EqualTo(Cql2Token.String)
        from close in RParen
        select (Cql2Node)Cql2Functions.Instant(Unquote(value.ToStringValue()), isDate, At(keyword));

    private static readonly TokenListParser<Cql2Token, Cql2Node> DateLiteral = InstantLiteral("DATE", isDate: true);
    private static readonly TokenListParser<Cql2Token, Cql2Node> TimestampLiteral = InstantLiteral("TIMESTAMP", isDate: false);

    private static readonly TokenListParser<Cql2Token, Cql2Node> Property =
        Token.EqualTo(Cql2Token.Identifier).Where(t => !Reserved.Contains(t.ToStringValue()), "property name")
            .Select(t => (Cql2Node)new Cql2Property(t.ToStringValue(), At(t)))
            .Or(Token.EqualTo(Cql2Token.QuotedIdentifier).Select(t => (Cql2Node)new Cql2Property(t.ToStringValue().Trim('"'), At(t))));

    private static readonly TokenListParser<Cql2Token, Cql2Node> CaseI =
        from keyword in Keyword("CASEI")
        from open in LParen
        from value in Superpower.Parse.Ref(() => Scalar!)
        from close in RParen
        select (Cql2Node)new Cql2CaseI(value, At(keyword));

    private static readonly TokenListParser<Cql2Token, Cql2Node> Scalar =
        StringLiteral.Or(NumberLiteral).Or(BooleanLiteral).Or(DateLiteral).Or(TimestampLiteral).Or(CaseI).Or(Property);

    /// <summary>A balanced parenthesised group of tokens, as the last token of it.</summary>
    private static readonly TokenListParser<Cql2Token, Token<Cql2Token>> Group =
        from open in LParen
        from inner in Superpower.Parse.Ref(() => Group!).Or(Token.Matching<Cql2Token>(k => k is not (Cql2Token.LParen or Cql2Token.RParen), "coordinates")).Many()
        from close in RParen
        select close;

    private static readonly TokenListParser<Cql2Token, Cql2Node> WktLiteral =
        from kind in Function(w => WktKinds.Contains(w, StringComparer.OrdinalIgnoreCase), "geometry")
        from close in Group
        select (Cql2Node)Wkt(kind, close);

    private static readonly TokenListParser<Cql2Token, Cql2Node> BboxLiteral =
        from keyword in Keyword("BBOX")
        from open in LParen
        from numbers in Token.EqualTo(Cql2Token.Number).ManyDelimitedBy(Comma)
        from close in RParen
        select (Cql2Node)Bbox(numbers.Select(n => double.Parse(n.ToStringValue(), NumberStyles.Float, CultureInfo.InvariantCulture)).ToList(), At(keyword));

    private static readonly TokenListParser<Cql2Token, Cql2Node> SpatialArgument = WktLiteral.Or(BboxLiteral).Or(Property);

    /// <summary>A name, then two arguments in parentheses: a spatial or temporal function, or an interval.</summary>
    private static TokenListParser<Cql2Token, Cql2Node> TwoArguments<T>(TokenListParser<Cql2Token, Token<Cql2Token>> head, TokenListParser<Cql2Token, T> argument, Func<Token<Cql2Token>, T, T, Cql2Node> make) =>
        from name in head
        from open in LParen
        from left in argument
        from comma in Comma
        from right in argument
        from close in RParen
        select make(name, left, right);

    private static readonly TokenListParser<Cql2Token, Cql2Node> Spatial = TwoArguments(
        Function(Cql2Functions.Spatial.ContainsKey, "spatial function"),
        SpatialArgument,
        (name, left, right) => new Cql2Spatial(name.ToStringValue().ToUpperInvariant(), left, right, At(name)));

    private static readonly TokenListParser<Cql2Token, Cql2Node?> IntervalBound =
        Token.EqualTo(Cql2Token.String).Select(t => (Cql2Node?)IntervalText(Unquote(t.ToStringValue()), At(t)))
            .Or(DateLiteral.Or(TimestampLiteral).Or(Property).Select(n => (Cql2Node?)n));

    private static readonly TokenListParser<Cql2Token, Cql2Node> Interval = TwoArguments(
        Keyword("INTERVAL"), IntervalBound, (keyword, start, end) => new Cql2Interval(start, end, At(keyword)));

    private static readonly TokenListParser<Cql2Token, Cql2Node> TemporalArgument = DateLiteral.Or(TimestampLiteral).Or(Interval).Or(Property);

    private static readonly TokenListParser<Cql2Token, Cql2Node> Temporal = TwoArguments(
        Function(Cql2Functions.Temporal.Contains, "temporal function"),
        TemporalArgument,
        (name, left, right) => new Cql2Temporal(name.ToStringValue().ToUpperInvariant(), left, right, At(name)));

    private static readonly TokenListParser<Cql2Token, Token<Cql2Token>> ComparisonOperator =
        Token.EqualTo(Cql2Token.Equal).Or(Token.EqualTo(Cql2Token.NotEqual)).Or(Token.EqualTo(Cql2Token.LessOrEqual))
            .Or(Token.EqualTo(Cql2Token.GreaterOrEqual)).Or(Token.EqualTo(Cql2Token.Less)).Or(Token.EqualTo(Cql2Token.Greater));

    /// <summary>What may follow NOT after a value: LIKE, BETWEEN or IN.</summary>
    private static readonly TokenListParser<Cql2Token, Func<Cql2Node, Cql2Node>> Negatable =
        (from like in Keyword("LIKE")
         from pattern in Scalar
         select (Func<Cql2Node, Cql2Node>)(v => new Cql2Like(v, pattern, At(like))))
        .Or(from between in Keyword("BETWEEN")
            from low in Scalar
            from and in Keyword("AND")
            from high in Scalar
            select (Func<Cql2Node, Cql2Node>)(v => new Cql2Between(v, low, high, At(between))))
        .Or(from @in in Keyword("IN")
            from open in LParen
            from list in Scalar.AtLeastOnceDelimitedBy(Comma)
            from close in RParen
            select (Func<Cql2Node, Cql2Node>)(v => new Cql2In(v, list, At(@in))));

    private static readonly TokenListParser<Cql2Token, Func<Cql2Node, Cql2Node>> Tail =
        (from op in ComparisonOperator
         from right in Scalar
         select (Func<Cql2Node, Cql2Node>)(left => new Cql2Comparison(op.ToStringValue(), left, right, At(op))))
        .Or(Negatable)
        .Or(from not in Keyword("NOT")
            from rest in Negatable
            select (Func<Cql2Node, Cql2Node>)(v => new Cql2Not(rest(v), At(not))))
        .Or(from @is in Keyword("IS")
            from not in Keyword("NOT").OptionalOrDefault()
            from @null in Keyword("NULL")
            select (Func<Cql2Node, Cql2Node>)(v => not.HasValue ? new Cql2Not(new Cql2IsNull(v, At(@is)), At(@is)) : new Cql2IsNull(v, At(@is))));

    private static readonly TokenListParser<Cql2Token, Cql2Node> Predicate =
        from left in Scalar
        from tail in Tail.Select(f => (Func<Cql2Node, Cql2Node>?)f).OptionalOrDefault()
        select tail is not null ? tail(left)
            : left is Cql2Boolean ? left
            : throw new Cql2Exception($"{left.At}: a value alone is not a condition: compare it (=, <>, <, >, <=, >=, LIKE, BETWEEN, IN, IS NULL) or use a function such as S_INTERSECTS.");

    private static readonly TokenListParser<Cql2Token, Cql2Node> Parenthesised =
        from open in LParen
        from inner in Superpower.Parse.Ref(() => Or!)
        from close in RParen
        select inner;

    private static readonly TokenListParser<Cql2Token, Cql2Node> Primary = Parenthesised.Or(Spatial).Or(Temporal).Or(Predicate);

    private static readonly TokenListParser<Cql2Token, Cql2Node> NotExpression =
        (from not in Keyword("NOT")
         from inner in Superpower.Parse.Ref(() => NotExpression!)
         select (Cql2Node)new Cql2Not(inner, At(not)))
        .Or(Primary);

    private static readonly TokenListParser<Cql2Token, Cql2Node> And =
        Superpower.Parse.Chain(Keyword("AND"), NotExpression, (op, left, right) => new Cql2Logical(true, [left, right], At(op)));

    private static readonly TokenListParser<Cql2Token, Cql2Node> Or =
        Superpower.Parse.Chain(Keyword("OR"), And, (op, left, right) => new Cql2Logical(false, [left, right], At(op)));

    private static readonly TokenListParser<Cql2Token, Cql2Node> Filter = Or.AtEnd();

    private static string Unquote(string quoted) => quoted[1..^1].Replace("''", "'", StringComparison.Ordinal);

    private static Cql2Instant? IntervalText(string text, string at) =>
        text == ".." ? null : Cql2Functions.Instant(text, isDate: text.Length == 10, at);

    private static Cql2Geometry Wkt(Token<Cql2Token> kind, Token<Cql2Token> close)
    {
        var source = kind.Span.Source!;
        var start = kind.Position.Absolute;
        var text = source.Substring(start, close.Position.Absolute + 1 - start);
        try
        {
            return new Cql2Geometry(new WKTReader().Read(text), At(kind));
        }
        catch (Exception e) when (e is NetTopologySuite.IO.ParseException or ArgumentException or FormatException or InvalidOperationException)
        {
            throw new Cql2Exception($"{At(kind)}: the {kind.ToStringValue().ToUpperInvariant()} is not valid WKT: {e.Message}");
        }
    }

    private static Cql2Geometry Bbox(List<double> numbers, string at)
    {
        if (numbers.Count is not (4 or 6))
        {
            throw new Cql2Exception($"{at}: BBOX takes 4 numbers (minx, miny, maxx, maxy) or 6 (with heights), not {numbers.Count}.");
        }

        var (minX, minY, maxX, maxY) = numbers.Count == 4 ? (numbers[0], numbers[1], numbers[2], numbers[3]) : (numbers[0], numbers[1], numbers[3], numbers[4]);
        if (minX > maxX || minY > maxY)
        {
            throw new Cql2Exception($"{at}: BBOX minimums must not exceed maximums: give minx, miny, maxx, maxy.");
        }

        return new Cql2Geometry(new GeometryFactory().ToGeometry(new Envelope(minX, maxX, minY, maxY)), at);
    }
}
