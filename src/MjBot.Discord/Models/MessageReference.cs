namespace MjBot.Discord.Models;

/// <summary>The message a reply refers to.</summary>
/// <param name="MessageId">The replied-to message.</param>
public sealed record MessageReference(Snowflake MessageId)
{
    /// <summary>Gets whether sending fails when the replied-to message is gone (MjBot sends false: the result matters
    /// more than the thread).</summary>
    public bool? FailIfNotExists { get; init; }
}
