using System.Globalization;
using System.Text.Json.Serialization;

namespace MjBot.Discord.Models;

/// <summary>A Discord id: a 64-bit unsigned integer that the API carries as a JSON string.</summary>
/// <param name="Value">The id.</param>
[JsonConverter(typeof(SnowflakeJsonConverter))]
public readonly record struct Snowflake(ulong Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
