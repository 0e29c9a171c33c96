using System.Globalization;
using System.Text.Json;

namespace MjBot.Discord.Models;

/// <summary>Reads the 64-bit values Discord carries as strings of digits (ids, permission sets); numbers are read too.</summary>
internal static class DecimalStringReader
{
    public static ulong Read(ref Utf8JsonReader reader, string what) => reader.TokenType switch
    {
        JsonTokenType.String when ulong.TryParse(reader.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) => value,
        JsonTokenType.Number when reader.TryGetUInt64(out var value) => value,
        _ => throw new JsonException($"{what} must be a string of digits."),
    };
}
