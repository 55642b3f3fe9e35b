namespace DistrictMap.Api.Http;

internal static class Text
{
    /// <summary>A value quoted back in an error message, cut short so that hostile input stays small.</summary>
    public static string Shorten(string value, int length = 60) =>
        value.Length <= length ? value : string.Concat(value.AsSpan(0, length), "…");
}
