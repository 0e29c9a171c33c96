namespace MjBot.Core.Moderation;

/// <summary>What a moderator decides about a pending prompt.</summary>
public enum ReviewDecision
{
    /// <summary>The prompt runs as the member asked.</summary>
    Approve,

    /// <summary>The prompt does not run.</summary>
    Deny,

    /// <summary>The prompt does not run, and the member is barred from the bot on this server.</summary>
    Ban,
}
