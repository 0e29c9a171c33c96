namespace MjBot.Core.Moderation;

/// <summary>One line of a server's moderation audit log: who did what, when.</summary>
/// <param name="GuildId">The server.</param>
/// <param name="ActorId">The moderator (or, for an appeal, the member).</param>
/// <param name="Action">What was done, e.g. "disallow add", "review approve".</param>
/// <param name="Detail">The particulars, e.g. the rule or the member.</param>
/// <param name="At">When.</param>
public sealed record ModerationLogEntry(ulong GuildId, ulong ActorId, string Action, string Detail, DateTimeOffset At)
{
    /// <summary>The action recorded when a member appeals a blocked prompt (appeals are counted from the log).</summary>
    public const string AppealAction = "appeal";
}
