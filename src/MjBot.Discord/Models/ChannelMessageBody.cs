namespace MjBot.Discord.Models;

/// <summary>A message posted with the bot token (POST /channels/{id}/messages): how MjBot delivers a result after the
/// 15-minute interaction token has expired, as a reply to the original message.</summary>
public sealed record ChannelMessageBody : MessageBody
{
    /// <summary>Gets the message this one replies to.</summary>
    public MessageReference? MessageReference { get; init; }
}
