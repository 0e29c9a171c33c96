using System.Globalization;
using System.Text.Json.Nodes;

namespace MjBot.DiscordEmulator.Rest;

/// <summary>The gateway bootstrap, the bot's user and application, DM channels and command registration.</summary>
internal sealed partial class EmulatedRest
{
    /// <summary>Gets or sets the gateway URL GET /gateway/bot reports.</summary>
    public Func<string> GatewayUrl { get; set; } = static () => string.Empty;

    private Task<RestAnswer> GatewayBotAsync(RestRequest request) => Task.FromResult(RestAnswer.Ok(new JsonObject
    {
        ["url"] = GatewayUrl(),
        ["shards"] = 1,
        ["session_start_limit"] = new JsonObject
        {
            ["total"] = 1000,
            ["remaining"] = _options.SessionStartRemaining,
            ["reset_after"] = 14_400_000,
            ["max_concurrency"] = 1,
        },
    }));

    // GET /gateway needs no authorization and carries only the URL.
    private Task<RestAnswer> GatewayAsync(RestRequest request) => Task.FromResult(RestAnswer.Ok(new JsonObject { ["url"] = GatewayUrl() }));

    private Task<RestAnswer> GetChannelAsync(RestRequest request) => Task.FromResult(
        request.Values["channel_id"] == DiscordEmulator.ChannelId.ToString(CultureInfo.InvariantCulture)
            ? RestAnswer.Ok(EmulatedGuild.Channel())
            : RestAnswer.Error(404, 10003, "Unknown Channel"));

    private Task<RestAnswer> GetGuildAsync(RestRequest request) => Task.FromResult(
        IsOurGuild(request) ? RestAnswer.Ok(EmulatedGuild.Guild(ownerId: EmulatedUsers.OwnerId)) : RestAnswer.Error(404, 10004, "Unknown Guild"));

    private Task<RestAnswer> GetGuildChannelsAsync(RestRequest request) => Task.FromResult(
        IsOurGuild(request) ? RestAnswer.Ok(new JsonArray(EmulatedGuild.Channel())) : RestAnswer.Error(404, 10004, "Unknown Guild"));

    // The bot itself and the emulated members are members; anyone else is Discord's 10007.
    private Task<RestAnswer> GetGuildMemberAsync(RestRequest request)
    {
        if (!IsOurGuild(request))
        {
            return Task.FromResult(RestAnswer.Error(404, 10004, "Unknown Guild"));
        }

        var userId = request.Values["user_id"];
        var member = new[] { EmulatedMember.Ordinary, EmulatedMember.Moderator }.FirstOrDefault(m => m.UserId.ToString(CultureInfo.InvariantCulture) == userId);
        return Task.FromResult(
            userId == _options.ApplicationId.ToString(CultureInfo.InvariantCulture) ? RestAnswer.Ok(EmulatedGuild.Member(EmulatedUsers.Bot(_options.ApplicationId), [], EmulatedGuild.BotJoinedAt))
            : member is not null ? RestAnswer.Ok(member.Json())
            : RestAnswer.Error(404, 10007, "Unknown Member"));
    }

    private static bool IsOurGuild(RestRequest request) => request.Values["guild_id"] == DiscordEmulator.GuildId.ToString(CultureInfo.InvariantCulture);

    private Task<RestAnswer> CurrentUserAsync(RestRequest request)
    {
        var user = EmulatedUsers.Bot(_options.ApplicationId);
        user["mfa_enabled"] = false;
        user["locale"] = "en-US";
        user["verified"] = true;
        user["premium_type"] = 0;
        return Task.FromResult(RestAnswer.Ok(user));
    }

    // The fields the OpenAPI document's PrivateApplicationResponse requires, with a bot's typical values.
    private Task<RestAnswer> CurrentApplicationAsync(RestRequest request) => Task.FromResult(RestAnswer.Ok(new JsonObject
    {
        ["id"] = _options.ApplicationId.ToString(CultureInfo.InvariantCulture),
        ["name"] = "MjBot",
        ["icon"] = null,
        ["description"] = string.Empty,
        ["type"] = null,
        ["verify_key"] = "0000000000000000000000000000000000000000000000000000000000000000",
        ["flags"] = 0,
        ["flags_new"] = "0",
        ["redirect_uris"] = new JsonArray(),
        ["interactions_endpoint_url"] = null,
        ["role_connections_verification_url"] = null,
        ["owner"] = Owner(),
        ["bot_public"] = true,
        ["bot_require_code_grant"] = false,
        ["approximate_guild_count"] = 1,
        ["approximate_user_install_count"] = 0,
        ["approximate_user_authorization_count"] = 0,
        ["explicit_content_filter"] = 0,
        ["team"] = null,
        ["eligible_oauth2_scopes"] = new JsonArray("applications.commands", "bot"),
    }));

    // The bot, the emulated members and the application's owner are users; any other id is Discord's 10013.
    private Task<RestAnswer> GetUserAsync(RestRequest request)
    {
        var id = request.Values["user_id"];
        var member = new[] { EmulatedMember.Ordinary, EmulatedMember.Moderator }.FirstOrDefault(m => m.UserId.ToString(CultureInfo.InvariantCulture) == id);
        return Task.FromResult(
            id == _options.ApplicationId.ToString(CultureInfo.InvariantCulture) ? RestAnswer.Ok(EmulatedUsers.Bot(_options.ApplicationId))
            : member is not null ? RestAnswer.Ok(EmulatedUsers.Member(member))
            : id == EmulatedUsers.OwnerId.ToString(CultureInfo.InvariantCulture) ? RestAnswer.Ok(Owner())
            : RestAnswer.Error(404, 10013, "Unknown User"));
    }

    // The commands last registered in the scope (global, or the guild's); none before the first registration.
    private Task<RestAnswer> ListCommandsAsync(RestRequest request)
    {
        if (request.Values["application_id"] != _options.ApplicationId.ToString(CultureInfo.InvariantCulture))
        {
            return Task.FromResult(RestAnswer.Error(403, 50001, "Missing Access"));
        }

        var scope = request.Values.TryGetValue("guild_id", out var guild) ? guild : "global";
        return Task.FromResult(RestAnswer.Ok(_state.Commands.TryGetValue(scope, out var commands) ? commands.DeepClone() : new JsonArray()));
    }

    private static JsonObject Owner() => EmulatedUsers.User(EmulatedUsers.OwnerId, "owner", "Owner", bot: false);

    private Task<RestAnswer> CreateDmAsync(RestRequest request)
    {
        if (request.Json?["recipient_id"]?.ToString() is not { Length: > 0 } recipient)
        {
            return Task.FromResult(RestAnswer.InvalidFormBody([new FieldError("recipient_id", "BASE_TYPE_REQUIRED", "This field is required")]));
        }

        // One DM channel per user, with an id derived from the user's so it is stable.
        return Task.FromResult(RestAnswer.Ok(new JsonObject
        {
            ["id"] = (ulong.Parse(recipient, CultureInfo.InvariantCulture) ^ 0x5A5A5A5A).ToString(CultureInfo.InvariantCulture),
            ["type"] = 1,
            ["recipients"] = new JsonArray(EmulatedUsers.User(ulong.Parse(recipient, CultureInfo.InvariantCulture), "member", "member", bot: false)),
            ["last_message_id"] = null,
            ["flags"] = 0,
        }));
    }

    // Bulk overwrite: the body must be an array of at most 100 commands with a name and a description (chat input).
    private Task<RestAnswer> BulkCommandsAsync(RestRequest request)
    {
        if (request.Values["application_id"] != _options.ApplicationId.ToString(CultureInfo.InvariantCulture))
        {
            return Task.FromResult(RestAnswer.Error(403, 50001, "Missing Access"));
        }

        if (request.Json is not JsonArray commands || commands.Count > 100)
        {
            return Task.FromResult(RestAnswer.InvalidFormBody([new FieldError(string.Empty, "BASE_TYPE_MAX_LENGTH", "Must be an array of 100 or fewer in length.")]));
        }

        var errors = new List<FieldError>();
        var answer = new JsonArray();
        for (var i = 0; i < commands.Count; i++)
        {
            var name = commands[i]?["name"]?.GetValue<string>();
            if (name is null || name.Length is < 1 or > 32 || name.Any(static c => char.IsUpper(c) || char.IsWhiteSpace(c)))
            {
                errors.Add(new FieldError($"{i}.name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid"));
            }

            if (commands[i]?["description"]?.GetValue<string>() is not { Length: >= 1 and <= 100 })
            {
                errors.Add(new FieldError($"{i}.description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."));
            }

            // Discord answers each command with its ids and the defaults of what was left out.
            var command = (JsonObject)commands[i]!.DeepClone();
            command["id"] = _ids.Next().ToString(CultureInfo.InvariantCulture);
            command["application_id"] = _options.ApplicationId.ToString(CultureInfo.InvariantCulture);
            command["version"] = _ids.Next().ToString(CultureInfo.InvariantCulture);
            command["type"] ??= 1;
            command["default_member_permissions"] ??= null;
            command["nsfw"] ??= false;
            if (request.Values.TryGetValue("guild_id", out var guildId))
            {
                command["guild_id"] = guildId;
            }
            answer.Add(command);
        }

        if (errors.Count > 0)
        {
            return Task.FromResult(RestAnswer.InvalidFormBody(errors));
        }

        var scope = request.Values.TryGetValue("guild_id", out var guild) ? guild : "global";
        _state.Commands[scope] = answer;
        _state.CommandRegistrations.AddOrUpdate(scope, 1, static (_, n) => n + 1);
        return Task.FromResult(RestAnswer.Ok(answer.DeepClone()));
    }
}
