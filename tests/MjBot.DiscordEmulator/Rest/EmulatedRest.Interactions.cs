using System.Text.Json.Nodes;
using MjBot.DiscordEmulator.State;

namespace MjBot.DiscordEmulator.Rest;

/// <summary>Interaction endpoints: the callback (within 3 s of the dispatch, once, of a type the interaction allows),
/// @original and follow-ups (while the 15-minute token lives).</summary>
internal sealed partial class EmulatedRest
{
    private static readonly TimeSpan ResponseDeadline = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    private static RestAnswer UnknownInteraction => RestAnswer.Error(404, 10062, "Unknown interaction");

    private Task<RestAnswer> CallbackAsync(RestRequest request)
    {
        if (!_state.Interactions.TryGetValue(request.Id("interaction_id"), out var interaction) || interaction.Token != request.Values["interaction_token"])
        {
            return Task.FromResult(UnknownInteraction);
        }

        lock (interaction)
        {
            interaction.ResponseAttempts++;
            var now = _options.Time.GetUtcNow();
            if (interaction.ResponseType is not null)
            {
                return Task.FromResult(RestAnswer.Error(400, 40060, "Interaction has already been acknowledged."));
            }

            if (interaction.DispatchedAt is not { } dispatched || now - dispatched > ResponseDeadline)
            {
                return Task.FromResult(UnknownInteraction);
            }

            var type = request.Json?["type"]?.GetValue<int>() ?? 0;
            var data = request.Json?["data"] as JsonObject;
            var errors = CheckCallback(interaction, type, data, request.Files);
            if (errors.Count > 0)
            {
                return Task.FromResult(RestAnswer.InvalidFormBody(errors));
            }

            if (type == 4 && MessageRules.IsEmpty(data, request.Files))
            {
                return Task.FromResult(RestAnswer.Error(400, 50006, "Cannot send an empty message"));
            }

            Respond(interaction, type, data, request.Files);
            interaction.Accepted(type, (JsonObject?)data?.DeepClone(), now);
            return Task.FromResult(request.Http.Request.Query["with_response"] == "true" ? RestAnswer.Ok(CallbackResponse(interaction, type)) : RestAnswer.NoContent);
        }
    }

    // ?with_response=true: the InteractionCallbackResponse: the interaction with the id and state of the response
    // message, and the resource — whose message the docs send only for types 4 and 7.
    private JsonObject CallbackResponse(EmulatedInteraction interaction, int type)
    {
        var answer = new JsonObject { ["id"] = interaction.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["type"] = interaction.Type };
        var resource = new JsonObject { ["type"] = type };
        if (type is 4 or 5 or 7 && interaction.Original is { } message)
        {
            if (type != 7)
            {
                answer["response_message_id"] = message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                answer["response_message_loading"] = message.Loading;
                answer["response_message_ephemeral"] = (message.Flags & 64) != 0;
            }

            if (type != 5)
            {
                resource["message"] = MessagePayloads.Json(message, _options.ApplicationId, _address());
            }
        }

        return new JsonObject { ["interaction"] = answer, ["resource"] = resource };
    }

    private static List<FieldError> CheckCallback(EmulatedInteraction interaction, int type, JsonObject? data, IReadOnlyList<UploadedFile> files)
    {
        int[] allowed = interaction.Type switch
        {
            2 => [4, 5, 9],
            3 => [4, 5, 6, 7, 9],
            4 => [8],
            5 => [4, 5, 6, 7],
            _ => [],
        };
        if (!allowed.Contains(type))
        {
            return [new FieldError("type", "INTERACTION_RESPONSE_TYPE_INVALID", $"Interaction response type {type} is not valid for an interaction of type {interaction.Type}.")];
        }

        return type switch
        {
            4 or 7 => MessageRules.CheckMessage(data, "data.", files),
            5 when data is not null && data.Any(p => p.Key != "flags") => [new FieldError("data", "BASE_TYPE_INVALID", "Only flags may be set on a deferred response.")],
            8 when data?["choices"] is JsonArray { Count: > 25 } => [new FieldError("data.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")],
            9 => MessageRules.CheckModal(data),
            _ => [],
        };
    }

    private void Respond(EmulatedInteraction interaction, int type, JsonObject? data, IReadOnlyList<UploadedFile> files)
    {
        var componentMessage = interaction.Payload["message"]?["id"]?.ToString() is { } id && _state.Messages.TryGetValue(ulong.Parse(id, System.Globalization.CultureInfo.InvariantCulture), out var m) ? m : null;
        switch (type)
        {
            case 4:
                interaction.Original = NewMessage(interaction.ChannelId, interaction.Id);
                Apply(interaction.Original, data, files, edit: false);
                break;
            case 5:
                interaction.Original = NewMessage(interaction.ChannelId, interaction.Id);
                interaction.Original.Loading = true;
                interaction.Original.Flags = data?["flags"]?.GetValue<int>() ?? 0;
                break;
            case 6:
                interaction.Original = componentMessage;
                break;
            case 7 when componentMessage is not null:
                lock (componentMessage)
                {
                    Apply(componentMessage, data, files, edit: true);
                    componentMessage.Edits++;
                    componentMessage.EditedAt = _options.Time.GetUtcNow();
                }

                interaction.Original = componentMessage;
                break;
            default:
                break;
        }
    }

    private Task<RestAnswer> GetOriginalAsync(RestRequest request) => Task.FromResult(
        Webhook(request, out var interaction) ?? (interaction!.Original is { Deleted: false } original ? RestAnswer.Ok(ToJson(original)) : UnknownMessage));

    private Task<RestAnswer> EditOriginalAsync(RestRequest request) => Task.FromResult(
        Webhook(request, out var interaction) ?? (interaction!.Original is { Deleted: false } original ? Edit(original, request) : UnknownMessage));

    private Task<RestAnswer> DeleteOriginalAsync(RestRequest request)
    {
        if (Webhook(request, out var interaction) is { } refused)
        {
            return Task.FromResult(refused);
        }

        if (interaction!.Original is not { Deleted: false } original)
        {
            return Task.FromResult(UnknownMessage);
        }

        original.Deleted = true;
        return Task.FromResult(RestAnswer.NoContent);
    }

    private Task<RestAnswer> FollowUpAsync(RestRequest request)
    {
        if (Webhook(request, out var interaction) is { } refused)
        {
            return Task.FromResult(refused);
        }

        var errors = MessageRules.CheckMessage(request.Json, string.Empty, request.Files);
        if (errors.Count > 0)
        {
            return Task.FromResult(RestAnswer.InvalidFormBody(errors));
        }

        if (MessageRules.IsEmpty(request.Json, request.Files))
        {
            return Task.FromResult(RestAnswer.Error(400, 50006, "Cannot send an empty message"));
        }

        var message = NewMessage(interaction!.ChannelId, interaction.Id);
        Apply(message, request.Json, request.Files, edit: false);
        lock (interaction)
        {
            interaction.FollowUps.Add(message);
        }

        return Task.FromResult(RestAnswer.Ok(ToJson(message)));
    }

    // A follow-up by id, or the original response by its message id.
    private Task<RestAnswer> GetFollowUpAsync(RestRequest request)
    {
        if (Webhook(request, out var interaction) is { } refused)
        {
            return Task.FromResult(refused);
        }

        var message = FollowUp(interaction!, request)
            ?? (interaction!.Original is { Deleted: false } original && original.Id == request.Id("message_id") ? original : null);
        return Task.FromResult(message is null ? UnknownMessage : RestAnswer.Ok(ToJson(message)));
    }

    private Task<RestAnswer> EditFollowUpAsync(RestRequest request) => Task.FromResult(
        Webhook(request, out var interaction) ?? (FollowUp(interaction!, request) is { } message ? Edit(message, request) : UnknownMessage));

    private Task<RestAnswer> DeleteFollowUpAsync(RestRequest request)
    {
        if (Webhook(request, out var interaction) is { } refused)
        {
            return Task.FromResult(refused);
        }

        if (FollowUp(interaction!, request) is not { } message)
        {
            return Task.FromResult(UnknownMessage);
        }

        message.Deleted = true;
        return Task.FromResult(RestAnswer.NoContent);
    }

    private static EmulatedMessage? FollowUp(EmulatedInteraction interaction, RestRequest request)
    {
        var id = request.Id("message_id");
        lock (interaction)
        {
            return interaction.FollowUps.FirstOrDefault(m => m.Id == id && !m.Deleted);
        }
    }

    // The interaction token authenticates webhook routes: unknown → 10015; older than 15 minutes → 401/50027; a
    // token whose interaction was never answered has no webhook yet → 10015.
    private RestAnswer? Webhook(RestRequest request, out EmulatedInteraction? interaction)
    {
        if (!_state.InteractionsByToken.TryGetValue(request.Values["interaction_token"], out interaction)
            || request.Values["application_id"] != _options.ApplicationId.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return RestAnswer.Error(404, 10015, "Unknown Webhook");
        }

        if (_options.Time.GetUtcNow() - interaction.CreatedAt > TokenLifetime)
        {
            return RestAnswer.Error(401, 50027, "Invalid Webhook Token");
        }

        return interaction.ResponseType is null ? RestAnswer.Error(404, 10015, "Unknown Webhook") : null;
    }
}
