using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MjBot.Discord.Models;

/// <summary>Reads a snowflake from a JSON string (or, leniently, a number) and writes it as a string.</summary>
internal sealed class SnowflakeJsonConverter : JsonConverter<Snowflake>
{
    public override Snowflake Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String when ulong.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) => new Snowflake(id),
        JsonTokenType.Number when reader.TryGetUInt64(out var id) => new Snowflake(id),
        _ => throw new JsonException("A Discord id must be a string of digits."),
    };

    public override void Write(Utf8JsonWriter writer, Snowflake value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
