namespace MjBot.Discord.Models;

/// <summary>A message: what MjBot reads back of the ones it posts.</summary>
/// <param name="Id">The message id.</param>
/// <param name="ChannelId">The channel id.</param>
public sealed record Message(Snowflake Id, Snowflake ChannelId)
{
    /// <summary>Gets the text.</summary>
    public string? Content { get; init; }

    /// <summary>Gets the author.</summary>
    public User? Author { get; init; }

    /// <summary>Gets the message flags (64 = ephemeral).</summary>
    public int? Flags { get; init; }

    /// <summary>Gets the component rows.</summary>
    public IReadOnlyList<Component>? Components { get; init; }

    /// <summary>Gets the attachments.</summary>
    public IReadOnlyList<Attachment>? Attachments { get; init; }
}
