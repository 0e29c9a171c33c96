using System.Text.Json;
using System.Text.Json.Serialization;

namespace MjBot.Discord.Models;

/// <summary>A frame received from the gateway: opcode, data (read later by type), sequence and event name.</summary>
/// <param name="Op">The opcode.</param>
/// <param name="D">The data, still as JSON.</param>
/// <param name="S">The sequence number of a dispatch.</param>
/// <param name="T">The event name of a dispatch (e.g. <c>INTERACTION_CREATE</c>).</param>
public sealed record GatewayPayload(
    [property: JsonPropertyName("op")] GatewayOpcode Op,
    [property: JsonPropertyName("d")] JsonElement? D,
    [property: JsonPropertyName("s")] int? S,
    [property: JsonPropertyName("t")] string? T);
