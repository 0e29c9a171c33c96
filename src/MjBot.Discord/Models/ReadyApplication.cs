namespace MjBot.Discord.Models;

/// <summary>READY's partial application.</summary>
/// <param name="Id">The application id.</param>
/// <param name="Flags">Application flags.</param>
public sealed record ReadyApplication(Snowflake Id, int Flags);
