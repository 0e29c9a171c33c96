namespace MjBot.Discord.Models;

/// <summary>What MjBot reads of GET /applications/@me: the id webhook routes and command registration need.</summary>
/// <param name="Id">The application id.</param>
/// <param name="Name">The application's name.</param>
public sealed record CurrentApplication(Snowflake Id, string Name);
