namespace MjBot.Discord.Models;

/// <summary>A message posted with the bot token (POST /channels/{id}/messages): how MjBot delivers a result after the
/// 15-minute interaction token has expired, as a reply to the original message.</summary>
public sealed record ChannelMessageBody : MessageBody
{
    /// <summary>Gets the message this one replies to.</summary>
    public MessageReference? MessageReference { get; init; }

    /// <summary>Gets a nonce (≤ 25 characters) that, with <see cref="EnforceNonce"/>, makes Discord return the message
    /// already created with it (for a few minutes) instead of posting a second one: an idempotent post.</summary>
    public string? Nonce { get; init; }

    /// <summary>Gets whether Discord should deduplicate by <see cref="Nonce"/>.</summary>
    public bool? EnforceNonce { get; init; }
}
