using System.Text.Json;
using System.Text.Json.Serialization;

namespace MjBot.Discord.Models;

/// <summary>Reads a permission set from a decimal string (responses) or a number (Discord's OpenAPI types some
/// request fields as integers) and writes it as a decimal string.</summary>
internal sealed class PermissionsJsonConverter : JsonConverter<Permissions>
{
    public override Permissions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(DecimalStringReader.Read(ref reader, "Discord permissions"));

    public override void Write(Utf8JsonWriter writer, Permissions value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
