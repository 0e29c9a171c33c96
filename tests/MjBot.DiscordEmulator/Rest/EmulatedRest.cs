using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using MjBot.DiscordEmulator.State;

namespace MjBot.DiscordEmulator.Rest;

/// <summary>The emulator's REST API under /api/v10: the subset MjBot uses, with Discord's rules. Every request passes
/// the same pipeline: route match (404), injected faults, bot authorization (401), rate limits (429), body size and
/// JSON (413/40005, 50109), the OpenAPI document when one is configured (50035), then the route's own rules. With
/// the document configured, every body it answers is also checked against the operation's response schema.</summary>
internal sealed partial class EmulatedRest
{
    private const string Prefix = "/api/v10/";

    private readonly EmulatorOptions _options;
    private readonly EmulatorState _state;
    private readonly Snowflakes _ids;
    private readonly OpenApiValidation? _validation;
    private readonly SentPayloadCheck? _sent;
    private readonly Func<Uri> _address;
    private readonly List<RestRoute> _routes;

    public EmulatedRest(EmulatorOptions options, EmulatorState state, Snowflakes ids, OpenApiValidation? validation, SentPayloadCheck? sent, Func<Uri> address)
    {
        _options = options;
        _state = state;
        _ids = ids;
        _validation = validation;
        _sent = sent;
        _address = address;
        Limits = new RateLimits(options);
        var interaction = new RateLimitRule("interaction-callback", 5, TimeSpan.FromSeconds(1));
        var webhook = new RateLimitRule("webhook", 5, TimeSpan.FromSeconds(2));
        var messages = new RateLimitRule("channel-messages", options.MessageBucketLimit, options.MessageBucketWindow);
        var other = new RateLimitRule("other", 10, TimeSpan.FromSeconds(1));
        var commands = new RateLimitRule("commands", 2, TimeSpan.FromSeconds(1));
        _routes =
        [
            new("POST", "/interactions/{interaction_id}/{interaction_token}/callback", interaction, "interaction_id", false, "create_interaction_response", CallbackAsync),
            new("GET", "/webhooks/{application_id}/{interaction_token}/messages/@original", webhook, "interaction_token", false, "get_original_webhook_message", GetOriginalAsync),
            new("PATCH", "/webhooks/{application_id}/{interaction_token}/messages/@original", webhook, "interaction_token", false, "update_original_webhook_message", EditOriginalAsync),
            new("DELETE", "/webhooks/{application_id}/{interaction_token}/messages/@original", webhook, "interaction_token", false, "delete_original_webhook_message", DeleteOriginalAsync),
            new("POST", "/webhooks/{application_id}/{interaction_token}", webhook, "interaction_token", false, "execute_webhook", FollowUpAsync),
            new("GET", "/webhooks/{application_id}/{interaction_token}/messages/{message_id}", webhook, "interaction_token", false, "get_webhook_message", GetFollowUpAsync),
            new("PATCH", "/webhooks/{application_id}/{interaction_token}/messages/{message_id}", webhook, "interaction_token", false, "update_webhook_message", EditFollowUpAsync),
            new("DELETE", "/webhooks/{application_id}/{interaction_token}/messages/{message_id}", webhook, "interaction_token", false, "delete_webhook_message", DeleteFollowUpAsync),
            new("GET", "/channels/{channel_id}/messages", other, "channel_id", true, "list_messages", ListMessagesAsync),
            new("GET", "/channels/{channel_id}/messages/{message_id}", other, "channel_id", true, "get_message", GetMessageAsync),
            new("POST", "/channels/{channel_id}/messages", messages, "channel_id", true, "create_message", CreateMessageAsync),
            new("PATCH", "/channels/{channel_id}/messages/{message_id}", messages, "channel_id", true, "update_message", EditMessageAsync),
            new("DELETE", "/channels/{channel_id}/messages/{message_id}", messages, "channel_id", true, "delete_message", DeleteMessageAsync),
            new("POST", "/users/@me/channels", other, null, true, "create_dm", CreateDmAsync),
            new("GET", "/users/@me", other, null, true, "get_my_user", CurrentUserAsync),
            new("GET", "/users/{user_id}", other, null, true, "get_user", GetUserAsync),
            new("GET", "/gateway/bot", other, null, true, "get_bot_gateway", GatewayBotAsync),
            new("GET", "/gateway", other, null, false, "get_gateway", GatewayAsync),
            new("GET", "/oauth2/applications/@me", other, null, true, "get_my_oauth2_application", CurrentApplicationAsync),
            new("GET", "/channels/{channel_id}", other, "channel_id", true, "get_channel", GetChannelAsync),
            new("GET", "/guilds/{guild_id}", other, "guild_id", true, "get_guild", GetGuildAsync),
            new("GET", "/guilds/{guild_id}/channels", other, "guild_id", true, "list_guild_channels", GetGuildChannelsAsync),
            new("GET", "/guilds/{guild_id}/members/{user_id}", other, "guild_id", true, "get_guild_member", GetGuildMemberAsync),
            new("GET", "/applications/@me", other, null, true, "get_my_application", CurrentApplicationAsync),
            new("GET", "/applications/{application_id}/commands", other, "application_id", true, "list_application_commands", ListCommandsAsync),
            new("GET", "/applications/{application_id}/guilds/{guild_id}/commands", other, "guild_id", true, "list_guild_application_commands", ListCommandsAsync),
            new("PUT", "/applications/{application_id}/commands", commands, "application_id", true, "bulk_set_application_commands", BulkCommandsAsync),
            new("PUT", "/applications/{application_id}/guilds/{guild_id}/commands", commands, "guild_id", true, "bulk_set_guild_application_commands", BulkCommandsAsync),
        ];
    }

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    public RateLimits Limits { get; }

    public RestFaults Faults { get; } = new();

    public async Task HandleAsync(HttpContext http)
    {
        var now = _options.Time.GetUtcNow();
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var path = http.Request.Path.Value ?? string.Empty;
        var segments = path.StartsWith(Prefix, StringComparison.Ordinal) ? path[Prefix.Length..].Split('/') : [];
        RestRoute? route = null;
        Dictionary<string, string>? values = null;
        foreach (var candidate in _routes)
        {
            if ((values = candidate.Match(http.Request.Method, segments)) is not null)
            {
                route = candidate;
                break;
            }
        }

        string? json = null;
        RestAnswer answer;
        if (route is null)
        {
            answer = RestAnswer.Error(404, 0, "404: Not Found");
        }
        else
        {
            if (Faults.Delay > TimeSpan.Zero)
            {
                await Task.Delay(Faults.Delay);
            }

            (answer, json) = await AnswerAsync(http, route, values!, body);
        }

        Calls.Enqueue(new RecordedCall(
            http.Request.Method,
            path + http.Request.QueryString,
            route?.Template ?? path,
            http.Request.Headers.ToDictionary(static h => h.Key, static h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            json,
            answer.Status,
            answer.ErrorCode,
            now));
        http.Response.StatusCode = answer.Status;
        if (answer.Body is not null)
        {
            if (_sent is not null)
            {
                await _sent.ResponseAsync(http.Request.Method, route?.Template ?? path, route?.Operation, answer.Status, answer.Body);
            }

            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(answer.Body.ToJsonString());
        }
    }

    private async Task<(RestAnswer Answer, string? Json)> AnswerAsync(HttpContext http, RestRoute route, Dictionary<string, string> values, byte[] body)
    {
        if (Faults.Take(route.Template) is { } status)
        {
            return (RestAnswer.Error(status, 0, $"{status}: injected fault"), null);
        }

        if (route.BotAuth && http.Request.Headers.Authorization != "Bot " + _options.Token)
        {
            return (RestAnswer.Error(401, 0, "401: Unauthorized"), null);
        }

        var major = route.MajorParameter is null ? string.Empty : values[route.MajorParameter];
        if (Limits.Admit(route.Bucket, major, route.IsInteractionEndpoint, http.Response) is { } limited)
        {
            return (limited, null);
        }

        var (parsed, files, refusal) = await BodyReader.ReadAsync(body, http.Request.ContentType, _options);
        if (refusal is not null)
        {
            return (refusal, null);
        }

        var json = parsed?.ToJsonString();
        if (_validation is not null && route.HasRequestBody && parsed is not null)
        {
            var errors = await _validation.CheckAsync(route.Operation, parsed);
            if (errors.Count > 0)
            {
                return (RestAnswer.InvalidFormBody(errors), json);
            }
        }

        return (await route.Handle(new RestRequest(http, values, parsed, files)), json);
    }
}
