using System.Globalization;
using System.Text.Json.Nodes;
using MjBot.DiscordEmulator.State;

namespace MjBot.DiscordEmulator.Rest;

/// <summary>Channel messages with the bot token, and the message shape every route answers with.</summary>
internal sealed partial class EmulatedRest
{
    private Task<RestAnswer> CreateMessageAsync(RestRequest request)
    {
        var errors = MessageRules.CheckMessage(request.Json, string.Empty, request.Files);
        if (errors.Count > 0)
        {
            return Task.FromResult(RestAnswer.InvalidFormBody(errors));
        }

        if (MessageRules.IsEmpty(request.Json, request.Files))
        {
            return Task.FromResult(RestAnswer.Error(400, 50006, "Cannot send an empty message"));
        }

        // enforce_nonce: a second create with the same nonce in the channel returns the first message.
        var channel = request.Id("channel_id");
        var nonce = request.Json?["nonce"]?.ToString();
        lock (_state)
        {
            if (nonce is not null && request.Json?["enforce_nonce"]?.GetValue<bool>() == true
                && _state.Messages.Values.FirstOrDefault(m => m.ChannelId == channel && m.Nonce == nonce) is { } existing)
            {
                return Task.FromResult(RestAnswer.Ok(ToJson(existing)));
            }

            var message = NewMessage(channel, null);
            message.Nonce = nonce;
            Apply(message, request.Json, request.Files, edit: false);
            return Task.FromResult(RestAnswer.Ok(ToJson(message)));
        }
    }

    private Task<RestAnswer> EditMessageAsync(RestRequest request)
    {
        if (!_state.Messages.TryGetValue(request.Id("message_id"), out var message) || message.Deleted || message.ChannelId != request.Id("channel_id"))
        {
            return Task.FromResult(UnknownMessage);
        }

        return Task.FromResult(Edit(message, request));
    }

    private Task<RestAnswer> DeleteMessageAsync(RestRequest request)
    {
        if (!_state.Messages.TryGetValue(request.Id("message_id"), out var message) || message.Deleted || message.ChannelId != request.Id("channel_id"))
        {
            return Task.FromResult(UnknownMessage);
        }

        message.Deleted = true;
        return Task.FromResult(RestAnswer.NoContent);
    }

    // A message the channel shows: not deleted and not ephemeral (those exist only for the member who saw them).
    private EmulatedMessage? Visible(ulong channelId, ulong messageId) =>
        _state.Messages.TryGetValue(messageId, out var message) && !message.Deleted && (message.Flags & 64) == 0 && message.ChannelId == channelId ? message : null;

    private Task<RestAnswer> GetMessageAsync(RestRequest request) => Task.FromResult(
        Visible(request.Id("channel_id"), request.Id("message_id")) is { } message ? RestAnswer.Ok(ToJson(message)) : UnknownMessage);

    // Newest first; limit 1–100 (default 50), before/after a message id.
    private Task<RestAnswer> ListMessagesAsync(RestRequest request)
    {
        var query = request.Http.Request.Query;
        var limit = 50;
        if (query["limit"].ToString() is { Length: > 0 } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            return Task.FromResult(RestAnswer.InvalidFormBody([new FieldError("limit", "NUMBER_TYPE_MAX", "int value should be between 1 and 100.")]));
        }

        ulong? Bound(string name) => ulong.TryParse(query[name].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        var before = Bound("before");
        var after = Bound("after");
        var channel = request.Id("channel_id");
        var messages = _state.Messages.Values
            .Where(m => Visible(channel, m.Id) is not null && (before is null || m.Id < before) && (after is null || m.Id > after))
            .OrderByDescending(static m => m.Id)
            .Take(limit)
            .Select(m => (JsonNode)ToJson(m));
        return Task.FromResult(RestAnswer.Ok(new JsonArray([.. messages])));
    }

    private static RestAnswer UnknownMessage => RestAnswer.Error(404, 10008, "Unknown Message");

    private RestAnswer Edit(EmulatedMessage message, RestRequest request)
    {
        var errors = MessageRules.CheckMessage(request.Json, string.Empty, request.Files);
        if (errors.Count > 0)
        {
            return RestAnswer.InvalidFormBody(errors);
        }

        lock (message)
        {
            Apply(message, request.Json, request.Files, edit: true);
            message.Edits++;
            message.EditedAt = _options.Time.GetUtcNow();
            message.Loading = false;
            return RestAnswer.Ok(ToJson(message));
        }
    }

    private EmulatedMessage NewMessage(ulong channelId, ulong? interactionId)
    {
        var message = new EmulatedMessage(_ids.Next(), channelId, interactionId);
        _state.Messages[message.Id] = message;
        return message;
    }

    // Content, components, embeds and flags are replaced when present. Attachments follow v10's rule: when the body
    // lists attachments, existing ones not listed are removed and uploads are added; without a list uploads are added.
    private void Apply(EmulatedMessage message, JsonNode? body, IReadOnlyList<UploadedFile> files, bool edit)
    {
        if (body?["content"] is JsonValue content)
        {
            message.Content = content.GetValue<string>();
        }

        if (body?["components"] is JsonArray components)
        {
            message.Components = (JsonArray)components.DeepClone();
        }

        if (body?["embeds"] is JsonArray embeds)
        {
            message.Embeds = (JsonArray)embeds.DeepClone();
        }

        if (body?["flags"] is JsonValue flags)
        {
            message.Flags = edit ? (message.Flags & 64) | flags.GetValue<int>() : flags.GetValue<int>();
        }

        var kept = message.Attachments.ToList();
        if (body?["attachments"] is JsonArray listed)
        {
            var keep = listed.Select(static a => a?["id"]?.ToString()).ToHashSet(StringComparer.Ordinal);
            kept = [.. kept.Where(a => keep.Contains(a.Id.ToString(CultureInfo.InvariantCulture)))];
        }

        foreach (var file in files)
        {
            var described = (body?["attachments"] as JsonArray)?.FirstOrDefault(a => a?["id"]?.ToString() == file.Index.ToString(CultureInfo.InvariantCulture));
            kept.Add(new EmulatedAttachment(_ids.Next(), described?["filename"]?.GetValue<string>() ?? file.FileName, file.ContentType, file.Content, described?["description"]?.GetValue<string>()));
        }

        message.Attachments = kept;
    }

    private JsonObject ToJson(EmulatedMessage message) => MessagePayloads.Json(message, _options.ApplicationId, _address());
}
