using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MjBot.Discord.Models;

/// <summary>Reads a permission set from a decimal string (or a number) and writes it as a decimal string.</summary>
internal sealed class PermissionsJsonConverter : JsonConverter<Permissions>
{
    // Responses carry a string; Discord's OpenAPI document types some request fields as integers, so both are read.
    public override Permissions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String when ulong.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var bits) => new Permissions(bits),
        JsonTokenType.Number when reader.TryGetUInt64(out var bits) => new Permissions(bits),
        _ => throw new JsonException("Discord permissions must be a string of digits."),
    };

    public override void Write(Utf8JsonWriter writer, Permissions value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
