namespace MjBot.Discord.Models;

/// <summary>What MjBot keeps from READY.</summary>
/// <param name="V">The gateway version.</param>
/// <param name="User">The bot's user.</param>
/// <param name="SessionId">The session id, for RESUME.</param>
/// <param name="ResumeGatewayUrl">Where to reconnect to resume.</param>
/// <param name="Application">The application (its id is the one slash commands are registered under).</param>
/// <param name="Shard">[shard id, shard count], when sharded.</param>
/// <param name="Guilds">The guilds the bot is in (this shard's), as unavailable stubs.</param>
public sealed record ReadyData(int V, User User, string SessionId, string ResumeGatewayUrl, ReadyApplication Application, int[]? Shard, IReadOnlyList<UnavailableGuild>? Guilds = null);
