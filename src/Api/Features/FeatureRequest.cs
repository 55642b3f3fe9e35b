using System.Globalization;
using DistrictMap.Api.Http;

namespace DistrictMap.Api.Features;

/// <summary>A bounding box in WGS 84 longitude/latitude.</summary>
public sealed record BoundingBox(double West, double South, double East, double North);

/// <summary>A validated items request: which features, which page, which properties, in which order.</summary>
public sealed record FeatureRequest
{
    /// <summary>The bbox, with x (longitude or easting) as West and East, in <see cref="BboxCrs"/>.</summary>
    public BoundingBox? Bbox { get; init; }
    public CoordinateReferenceSystem BboxCrs { get; init; } = CoordinateReferenceSystem.Crs84;
    /// <summary>The CRS geometries are written in (crs).</summary>
    public CoordinateReferenceSystem Crs { get; init; } = CoordinateReferenceSystem.Crs84;
    /// <summary>The datetime parameter: features whose time meets it (all features of a collection without one), or null.</summary>
    public TimeInterval? Datetime { get; init; }
    public int Limit { get; init; }
    public int Offset { get; init; }
    public IReadOnlyList<(FeatureProperty Property, object Value)> Filters { get; init; } = [];
    /// <summary>The properties to return; all when null.</summary>
    public IReadOnlyList<FeatureProperty>? Properties { get; init; }
    public IReadOnlyList<(FeatureProperty Property, bool Descending)> SortBy { get; init; } = [];
    /// <summary>Simplification tolerance in metres, or null for full detail.</summary>
    public double? SimplifyMetres { get; init; }

    /// <summary>The query parameters of an items request; queryable property names are accepted too.</summary>
    public static readonly IReadOnlyList<string> Parameters = ["f", "bbox", "bbox-crs", "crs", "datetime", "limit", "offset", "properties", "sortby", "simplify"];

    /// <summary>Reads and checks the query of an items request; throws <see cref="BadRequestException"/> saying what is allowed.</summary>
    public static FeatureRequest Parse(IQueryCollection query, FeatureCollectionDefinition collection, FeatureOptions options)
    {
        var queryables = collection.Properties.Where(p => p.Queryable).ToList();
        var allowed = Parameters.Concat(queryables.Select(q => q.Name)).ToList();
        foreach (var key in query.Keys)
        {
            if (!allowed.Contains(key))
            {
                throw new BadRequestException(
                    $"Unknown query parameter '{Text.Shorten(key)}'. Allowed: {string.Join(", ", Parameters)}, and equality filters on {string.Join(", ", queryables.Select(q => q.Name))}.");
            }

            if (query[key].Count > 1)
            {
                throw new BadRequestException($"The query parameter '{key}' is given more than once.");
            }
        }

        var bboxCrs = query.TryGetValue("bbox-crs", out var bboxCrsText) ? CoordinateReferenceSystem.Parse("bbox-crs", bboxCrsText.ToString()) : CoordinateReferenceSystem.Crs84;
        return new FeatureRequest
        {
            Bbox = query.TryGetValue("bbox", out var bbox) ? ParseBbox(bbox.ToString(), bboxCrs) : null,
            BboxCrs = bboxCrs,
            Crs = query.TryGetValue("crs", out var crs) ? CoordinateReferenceSystem.Parse("crs", crs.ToString()) : CoordinateReferenceSystem.Crs84,
            Datetime = query.TryGetValue("datetime", out var datetime) ? TimeInterval.Parse(datetime.ToString()) : null,
            Limit = query.TryGetValue("limit", out var limit) ? ParseLimit(limit.ToString(), options) : options.DefaultLimit,
            Offset = query.TryGetValue("offset", out var offset) ? ParseOffset(offset.ToString()) : 0,
            Properties = query.TryGetValue("properties", out var properties) ? ParseProperties(properties.ToString(), collection) : null,
            SortBy = query.TryGetValue("sortby", out var sortby) ? ParseSortBy(sortby.ToString(), collection) : [],
            SimplifyMetres = query.TryGetValue("simplify", out var simplify) ? ParseSimplify(simplify.ToString(), options) : null,
            Filters = [.. queryables.Where(q => query.ContainsKey(q.Name)).Select(q => (q, ParseValue(q, query[q.Name].ToString())))],
        };
    }

    public static BoundingBox ParseBbox(string text) => ParseBbox(text, CoordinateReferenceSystem.Crs84);

    /// <summary>A bbox in <paramref name="crs"/>, in its axis order (latitude first for EPSG:4326), as x and y ranges.</summary>
    public static BoundingBox ParseBbox(string text, CoordinateReferenceSystem crs)
    {
        var parts = text.Split(',');
        var numbers = new List<double>();
        foreach (var part in parts)
        {
            if (!double.TryParse(part.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || !double.IsFinite(n))
            {
                throw new BadRequestException($"bbox '{Text.Shorten(text)}' is not a list of numbers: give minLon,minLat,maxLon,maxLat (or six numbers with heights) in WGS 84.");
            }

            numbers.Add(n);
        }

        if (numbers.Count is not (4 or 6))
        {
            throw new BadRequestException($"bbox has {numbers.Count} numbers: give 4 (minLon,minLat,maxLon,maxLat) or 6 (with minimum and maximum heights).");
        }

        var (west, south, east, north) = numbers.Count == 4
            ? (numbers[0], numbers[1], numbers[2], numbers[3])
            : (numbers[0], numbers[1], numbers[3], numbers[4]);
        if (crs.LatitudeFirst)
        {
            (west, south, east, north) = (south, west, north, east);
        }

        if (!crs.Geographic)
        {
            return west <= east && south <= north
                ? new BoundingBox(west, south, east, north)
                : throw new BadRequestException($"bbox minimums must not exceed maximums: give minEasting,minNorthing,maxEasting,maxNorthing in {crs.Uri}.");
        }

        var order = crs.LatitudeFirst ? "minLat,minLon,maxLat,maxLon" : "minLon,minLat,maxLon,maxLat";
        if (west is < -180 or > 180 || east is < -180 or > 180)
        {
            throw new BadRequestException("bbox longitudes must be between -180 and 180.");
        }

        if (south is < -90 or > 90 || north is < -90 or > 90)
        {
            throw new BadRequestException("bbox latitudes must be between -90 and 90.");
        }

        if (west > east || south > north)
        {
            throw new BadRequestException($"bbox minimums must not exceed maximums: give {order}.");
        }

        return new BoundingBox(west, south, east, north);
    }

    private static int ParseLimit(string text, FeatureOptions options)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1)
        {
            throw new BadRequestException($"limit '{Text.Shorten(text)}' must be a whole number from 1 to {options.MaxLimit}.");
        }

        // OGC API - Features lets a server return fewer features than asked for: larger limits are served as the maximum.
        return Math.Min(limit, options.MaxLimit);
    }

    private static int ParseOffset(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : throw new BadRequestException($"offset '{Text.Shorten(text)}' must be a whole number, 0 or more.");

    private static double ParseSimplify(string text, FeatureOptions options) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var metres) && metres >= 0 && metres <= options.MaxSimplifyMetres
            ? metres
            : throw new BadRequestException($"simplify '{Text.Shorten(text)}' must be a tolerance in metres from 0 to {options.MaxSimplifyMetres}.");

    private static List<FeatureProperty> ParseProperties(string text, FeatureCollectionDefinition collection)
    {
        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return [.. names.Distinct().Select(name => collection.Property(name)
            ?? throw new BadRequestException($"properties: '{Text.Shorten(name)}' is not a property of {collection.Id}. Properties: {string.Join(", ", collection.Properties.Select(p => p.Name))}."))];
    }

    private static List<(FeatureProperty, bool)> ParseSortBy(string text, FeatureCollectionDefinition collection)
    {
        var result = new List<(FeatureProperty, bool)>();
        foreach (var term in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var descending = term.StartsWith('-');
            var name = term.TrimStart('+', '-', ' ');
            var property = collection.Property(name)
                ?? throw new BadRequestException($"sortby: '{Text.Shorten(name)}' is not a property of {collection.Id}. Sort by any of {string.Join(", ", collection.Properties.Select(p => p.Name))}, with - for descending.");
            result.Add((property, descending));
        }

        return result.Count > 0 ? result : throw new BadRequestException("sortby is empty: give property names separated by commas, with - for descending.");
    }

    private static object ParseValue(FeatureProperty property, string text) => property.Type switch
    {
        PropertyType.WholeNumber => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new BadRequestException($"{property.Name} '{Text.Shorten(text)}' must be a whole number."),
        PropertyType.Number => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            ? d
            : throw new BadRequestException($"{property.Name} '{Text.Shorten(text)}' must be a number."),
        PropertyType.TrueFalse => bool.TryParse(text, out var flag)
            ? flag
            : throw new BadRequestException($"{property.Name} '{Text.Shorten(text)}' must be true or false."),
        PropertyType.Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new BadRequestException($"{property.Name} '{Text.Shorten(text)}' must be a date, YYYY-MM-DD."),
        _ => text.Length <= 200 ? text : throw new BadRequestException($"{property.Name} is longer than 200 characters."),
    };
}
