using System.Text.Json.Serialization;

namespace MjBot.Discord.Models;

/// <summary>A frame the client sends: opcode and data.</summary>
/// <typeparam name="TData">The data's type.</typeparam>
/// <param name="Op">The opcode.</param>
/// <param name="D">The data.</param>
public sealed record OutgoingGatewayPayload<TData>(
    [property: JsonPropertyName("op")] GatewayOpcode Op,
    [property: JsonPropertyName("d"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] TData D);
