using System.Text.Json;
using System.Text.Json.Serialization;

namespace DistrictMap.Api.Http;

/// <summary>
/// Reads JSON strings from request bodies, refusing control characters other than tab and line breaks
/// (NUL above all, which PostgreSQL cannot store), so that such a body is a 400 rather than a failed write.
/// </summary>
public sealed class PlainTextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (Text.ForbiddenControl(text) is { } control)
        {
            throw new JsonException($"a string holds the control character {Text.Describe(control)}, which text may not contain.");
        }

        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
