using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using MjBot.Discord.Models;

namespace MjBot.Discord.Rest;

/// <summary>Interaction endpoints: the callback, @original, follow-ups. They use the interaction token (valid 15
/// minutes) and are exempt from the global request limit.</summary>
public sealed partial class DiscordRestClient
{
    private static readonly RouteKey CallbackRoute = new("POST", "/interactions/{interaction_id}/{interaction_token}/callback", string.Empty);

    /// <summary>Answers an interaction (must happen within 3 seconds of the dispatch, once).</summary>
    /// <param name="interactionId">The interaction id.</param>
    /// <param name="token">The interaction token.</param>
    /// <param name="response">The callback.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when Discord accepted the answer.</returns>
    public Task RespondAsync(Snowflake interactionId, string token, InteractionResponse response, CancellationToken cancellationToken) =>
        RespondAsync(interactionId, token, response, null, MessageLimits.DefaultFileBytes, cancellationToken);

    /// <summary>Answers an interaction with files (a message, type 4, or a message update, type 7), sent as multipart
    /// form data: payload_json plus files[n], each described by an attachment with id n.</summary>
    /// <param name="interactionId">The interaction id.</param>
    /// <param name="token">The interaction token.</param>
    /// <param name="response">The callback.</param>
    /// <param name="files">Files to attach, or none.</param>
    /// <param name="fileLimitBytes">The interaction's attachment_size_limit, or the default.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when Discord accepted the answer.</returns>
    public async Task RespondAsync(Snowflake interactionId, string token, InteractionResponse response, IReadOnlyList<UploadFile>? files, long fileLimitBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        files ??= [];
        if (files.Count > 0)
        {
            response = response with { Data = (response.Data ?? new InteractionCallbackData()) with { Attachments = UploadFile.Descriptors(files) } };
        }

        MessageLimits.Check(response.Data ?? new InteractionCallbackData(), files, fileLimitBytes);
        var json = JsonSerializer.Serialize(response, DiscordJsonContext.Default.InteractionResponse);
        using var answer = await SendWithRetriesAsync(
            HttpMethod.Post,
            CallbackRoute with { MajorParameter = interactionId.ToString() },
            $"interactions/{interactionId}/{Uri.EscapeDataString(token)}/callback",
            () => Body(json, files),
            cancellationToken);
        DiscordMetrics.Acknowledged(interactionId, _time.GetUtcNow());
    }

    /// <summary>Reads the original response.</summary>
    /// <param name="applicationId">The application id.</param>
    /// <param name="token">The interaction token.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The message.</returns>
    public Task<Message> GetOriginalAsync(Snowflake applicationId, string token, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, WebhookRoute("GET", "/messages/@original", applicationId, token), OriginalPath(applicationId, token), DiscordJsonContext.Default.Message, cancellationToken);

    /// <summary>Edits the original response, with files when given (the grid after a deferral, say).</summary>
    /// <param name="applicationId">The application id.</param>
    /// <param name="token">The interaction token.</param>
    /// <param name="body">The new message.</param>
    /// <param name="files">Files to attach, or none.</param>
    /// <param name="fileLimitBytes">The interaction's attachment_size_limit, or the default.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The edited message.</returns>
    public Task<Message> EditOriginalAsync(Snowflake applicationId, string token, MessageBody body, IReadOnlyList<UploadFile>? files, long fileLimitBytes, CancellationToken cancellationToken) =>
        SendMessageAsync(HttpMethod.Patch, WebhookRoute("PATCH", "/messages/@original", applicationId, token), OriginalPath(applicationId, token), body, files, fileLimitBytes, cancellationToken);

    /// <summary>Deletes the original response.</summary>
    /// <param name="applicationId">The application id.</param>
    /// <param name="token">The interaction token.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the message is gone.</returns>
    public Task DeleteOriginalAsync(Snowflake applicationId, string token, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, WebhookRoute("DELETE", "/messages/@original", applicationId, token), OriginalPath(applicationId, token), cancellationToken);

    /// <summary>Sends a follow-up message.</summary>
    /// <param name="applicationId">The application id.</param>
    /// <param name="token">The interaction token.</param>
    /// <param name="body">The message.</param>
    /// <param name="files">Files to attach, or none.</param>
    /// <param name="fileLimitBytes">The interaction's attachment_size_limit, or the default.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new message.</returns>
    public Task<Message> FollowUpAsync(Snowflake applicationId, string token, MessageBody body, IReadOnlyList<UploadFile>? files, long fileLimitBytes, CancellationToken cancellationToken) =>
        SendMessageAsync(HttpMethod.Post, WebhookRoute("POST", string.Empty, applicationId, token), $"webhooks/{applicationId}/{Uri.EscapeDataString(token)}?wait=true", body, files, fileLimitBytes, cancellationToken);

    private static string OriginalPath(Snowflake applicationId, string token) => $"webhooks/{applicationId}/{Uri.EscapeDataString(token)}/messages/@original";

    // The webhook token is the major parameter; only a digest of it goes into the key, so a logged route never holds it.
    private static RouteKey WebhookRoute(string method, string suffix, Snowflake applicationId, string token) =>
        new(method, "/webhooks/{application_id}/{interaction_token}" + suffix, $"{applicationId}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)), 0, 8)}");
}
