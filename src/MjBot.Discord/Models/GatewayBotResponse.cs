namespace MjBot.Discord.Models;

/// <summary>GET /gateway/bot.</summary>
/// <param name="Url">The gateway address.</param>
/// <param name="Shards">The recommended shard count.</param>
/// <param name="SessionStartLimit">The IDENTIFY budget.</param>
public sealed record GatewayBotResponse(string Url, int Shards, SessionStartLimit SessionStartLimit);
