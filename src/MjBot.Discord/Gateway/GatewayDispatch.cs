using System.Text.Json;

namespace MjBot.Discord.Gateway;

/// <summary>One dispatch (op 0) as it arrived: event name, sequence number and data.</summary>
/// <param name="Name">The event name, e.g. <c>INTERACTION_CREATE</c>.</param>
/// <param name="Sequence">The sequence number.</param>
/// <param name="Data">The event's data.</param>
public sealed record GatewayDispatch(string Name, int Sequence, JsonElement Data);
