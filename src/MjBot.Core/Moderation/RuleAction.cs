namespace MjBot.Core.Moderation;

/// <summary>What a matching rule does to a request.</summary>
public enum RuleAction
{
    /// <summary>The request is refused; the member may appeal.</summary>
    Block,

    /// <summary>The request waits for a moderator to approve or deny it in the server's review channel.</summary>
    Review,
}
