using MjBot.Discord.Models;

namespace MjBot.Discord.Rest;

/// <summary>Channel messages with the bot token: how results are delivered after the 15-minute interaction token has
/// expired, and how status messages are edited after that.</summary>
public sealed partial class DiscordRestClient
{
    /// <summary>Posts a message in a channel (a reply when <see cref="ChannelMessageBody.MessageReference"/> is set).</summary>
    /// <param name="channelId">The channel.</param>
    /// <param name="body">The message.</param>
    /// <param name="files">Files to attach, or none.</param>
    /// <param name="fileLimitBytes">The per-file limit.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new message.</returns>
    public Task<Message> CreateMessageAsync(Snowflake channelId, ChannelMessageBody body, IReadOnlyList<UploadFile>? files, long fileLimitBytes, CancellationToken cancellationToken) =>
        SendMessageAsync(HttpMethod.Post, new RouteKey("POST", "/channels/{channel_id}/messages", channelId.ToString()), $"channels/{channelId}/messages", body, files, fileLimitBytes, cancellationToken);

    /// <summary>Edits a message the bot posted.</summary>
    /// <param name="channelId">The channel.</param>
    /// <param name="messageId">The message.</param>
    /// <param name="body">The new content.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The edited message.</returns>
    public Task<Message> EditMessageAsync(Snowflake channelId, Snowflake messageId, MessageBody body, CancellationToken cancellationToken) =>
        SendMessageAsync(HttpMethod.Patch, new RouteKey("PATCH", "/channels/{channel_id}/messages/{message_id}", channelId.ToString()), $"channels/{channelId}/messages/{messageId}", body, null, MessageLimits.DefaultFileBytes, cancellationToken);

    /// <summary>Deletes a message the bot posted.</summary>
    /// <param name="channelId">The channel.</param>
    /// <param name="messageId">The message.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the message is gone.</returns>
    public Task DeleteMessageAsync(Snowflake channelId, Snowflake messageId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, new RouteKey("DELETE", "/channels/{channel_id}/messages/{message_id}", channelId.ToString()), $"channels/{channelId}/messages/{messageId}", cancellationToken);
}
