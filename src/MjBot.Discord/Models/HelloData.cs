namespace MjBot.Discord.Models;

/// <summary>The data of HELLO (op 10).</summary>
/// <param name="HeartbeatInterval">Milliseconds between heartbeats.</param>
public sealed record HelloData(int HeartbeatInterval);
