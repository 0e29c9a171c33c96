using System.Globalization;
using System.Text.Json.Nodes;

namespace MjBot.DiscordEmulator;

/// <summary>Builds INTERACTION_CREATE data the way Discord sends it (fields per the docs' Interaction Structure).</summary>
internal static class InteractionPayloads
{
    public static JsonObject Build(ulong id, string token, int type, EmulatorOptions options, ulong guildId, ulong channelId, EmulatedMember member, JsonObject data, JsonObject? message, (string Member, string Guild) locales, bool nsfw = false)
    {
        var payload = new JsonObject
        {
            ["id"] = id.ToString(CultureInfo.InvariantCulture),
            ["application_id"] = options.ApplicationId.ToString(CultureInfo.InvariantCulture),
            ["type"] = type,
            ["token"] = token,
            ["version"] = 1,
            ["guild_id"] = guildId.ToString(CultureInfo.InvariantCulture),
            ["guild"] = new JsonObject { ["id"] = guildId.ToString(CultureInfo.InvariantCulture), ["locale"] = locales.Guild, ["features"] = new JsonArray() },
            ["channel_id"] = channelId.ToString(CultureInfo.InvariantCulture),
            ["channel"] = Channel(channelId, guildId, nsfw),
            ["member"] = Member(member),
            ["app_permissions"] = "2251799813685247",
            ["locale"] = locales.Member,
            ["guild_locale"] = locales.Guild,
            ["entitlements"] = new JsonArray(),
            ["authorizing_integration_owners"] = new JsonObject { ["0"] = guildId.ToString(CultureInfo.InvariantCulture) },
            ["context"] = 0,
            ["attachment_size_limit"] = options.MaxFileBytes,
            ["data"] = data,
        };
        if (message is not null)
        {
            payload["message"] = message;
        }

        return payload;
    }

    /// <summary>The member who started it: the guild member object with their permissions in the channel.</summary>
    public static JsonObject Member(EmulatedMember member)
    {
        var json = member.Json();
        json["permissions"] = member.Permissions;
        return json;
    }

    // The channel it came from, with the bot's permissions in it (what Discord adds to an interaction's channel).
    private static JsonObject Channel(ulong channelId, ulong guildId, bool nsfw)
    {
        var channel = EmulatedGuild.Channel();
        channel["nsfw"] = nsfw;
        channel["id"] = channelId.ToString(CultureInfo.InvariantCulture);
        channel["guild_id"] = guildId.ToString(CultureInfo.InvariantCulture);
        channel["permissions"] = "2251799813685247";
        return channel;
    }

    public static JsonObject SlashCommand(ulong commandId, string name, JsonArray options) => new()
    {
        ["id"] = commandId.ToString(CultureInfo.InvariantCulture),
        ["name"] = name,
        ["type"] = 1,
        ["options"] = options,
    };

    public static JsonObject Button(string customId) => new() { ["custom_id"] = customId, ["component_type"] = 2 };

    public static JsonObject Select(string customId, IEnumerable<string> values) =>
        new() { ["custom_id"] = customId, ["component_type"] = 3, ["values"] = new JsonArray([.. values.Select(static v => (JsonNode)v)]) };

    // Modal submits carry each text input inside a label (type 18), as Discord sends them for label modals.
    public static JsonObject ModalSubmit(string customId, IReadOnlyDictionary<string, string> values)
    {
        var components = new JsonArray();
        var n = 1;
        foreach (var (inputId, value) in values)
        {
            components.Add(new JsonObject
            {
                ["type"] = 18,
                ["id"] = n++,
                ["component"] = new JsonObject { ["type"] = 4, ["id"] = n++, ["custom_id"] = inputId, ["value"] = value },
            });
        }

        return new JsonObject { ["custom_id"] = customId, ["components"] = components };
    }
}
