using System.Globalization;

namespace DistrictMap.Api.Http;

/// <summary>Reads query values, throwing <see cref="BadRequestException"/> with a message that says what is allowed.</summary>
public static class RequestValues
{
    /// <summary>A GSS code (a letter and eight digits), upper-cased, or null when absent.</summary>
    public static string? GssCode(string? value, string parameter, string example)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var code = value.Trim().ToUpperInvariant();
        return Import.GssCode.IsValid(code)
            ? code
            : throw new BadRequestException($"{parameter} '{Text.Shorten(value)}' is not a GSS code: give a letter and eight digits, such as {example}.");
    }

    /// <summary>A GSS code that must be given, such as one in the path.</summary>
    public static string RequiredGssCode(string? value, string parameter, string example) =>
        GssCode(value, parameter, example)
            ?? throw new BadRequestException($"{parameter} is empty: give a GSS code, a letter and eight digits, such as {example}.");

    public static bool Boolean(string? value, string parameter, bool fallback) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => fallback,
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw new BadRequestException($"{parameter} '{Text.Shorten(value)}' must be true or false."),
    };

    public static double Number(string? value, string parameter, double min, double max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new BadRequestException($"{parameter} is required: a number from {min} to {max}.");
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) && number >= min && number <= max
            ? number
            : throw new BadRequestException($"{parameter} '{Text.Shorten(value)}' must be a number from {min} to {max}.");
    }

    /// <summary>A count of results from 1 to <paramref name="max"/>, or <paramref name="fallback"/> when absent.</summary>
    public static int Limit(string? value, int fallback, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit >= 1 && limit <= max
            ? limit
            : throw new BadRequestException($"limit '{Text.Shorten(value)}' must be a whole number from 1 to {max} (default {fallback}).");
    }

    public static string OneOf(string? value, string parameter, IReadOnlyList<string> allowed, string fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        var normalised = value.Trim().ToLowerInvariant();
        return allowed.Contains(normalised)
            ? normalised
            : throw new BadRequestException($"{parameter} '{Text.Shorten(value)}' is not one of: {string.Join(", ", allowed)}.");
    }

}
