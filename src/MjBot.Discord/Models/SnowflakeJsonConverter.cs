using System.Text.Json;
using System.Text.Json.Serialization;

namespace MjBot.Discord.Models;

/// <summary>Reads a snowflake from a JSON string (or, leniently, a number) and writes it as a string.</summary>
internal sealed class SnowflakeJsonConverter : JsonConverter<Snowflake>
{
    public override Snowflake Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(DecimalStringReader.Read(ref reader, "A Discord id"));

    public override void Write(Utf8JsonWriter writer, Snowflake value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
