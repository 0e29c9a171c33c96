using System.Globalization;
using System.Text.Json.Nodes;

namespace MjBot.DiscordEmulator;

/// <summary>The emulated server as Discord describes it (the docs' Guild and Channel structures): its @everyone role,
/// one text channel, and the GUILD_CREATE extras. READY lists it as an unavailable stub; GUILD_CREATE follows for
/// sessions with the GUILDS intent.</summary>
public static class EmulatedGuild
{
    /// <summary>The server's name.</summary>
    public const string Name = "MjBot Test Server";

    /// <summary>When the bot joined the server.</summary>
    public static readonly DateTimeOffset BotJoinedAt = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The stub READY carries for each guild.</summary>
    public static JsonObject Stub() => new() { ["id"] = Id(DiscordEmulator.GuildId), ["unavailable"] = true };

    /// <summary>The guild object (GET /guilds/{id}).</summary>
    public static JsonObject Guild(ulong ownerId) => new()
    {
        ["id"] = Id(DiscordEmulator.GuildId),
        ["name"] = Name,
        ["icon"] = null,
        ["icon_hash"] = null,
        ["splash"] = null,
        ["discovery_splash"] = null,
        ["owner_id"] = Id(ownerId),
        ["afk_channel_id"] = null,
        ["afk_timeout"] = 300,
        ["widget_enabled"] = false,
        ["widget_channel_id"] = null,
        ["verification_level"] = 1,
        ["default_message_notifications"] = 1,
        ["explicit_content_filter"] = 2,
        ["roles"] = new JsonArray(Everyone()),
        ["emojis"] = new JsonArray(),
        ["stickers"] = new JsonArray(),
        ["features"] = new JsonArray(),
        ["mfa_level"] = 0,
        ["application_id"] = null,
        ["system_channel_id"] = Id(DiscordEmulator.ChannelId),
        ["system_channel_flags"] = 0,
        ["rules_channel_id"] = null,
        ["max_presences"] = null,
        ["max_members"] = 500000,
        ["vanity_url_code"] = null,
        ["description"] = null,
        ["banner"] = null,
        ["premium_tier"] = 0,
        ["premium_subscription_count"] = 0,
        ["preferred_locale"] = "en-US",
        ["public_updates_channel_id"] = null,
        ["max_video_channel_users"] = 25,
        ["max_stage_video_channel_users"] = 50,
        ["nsfw_level"] = 0,
        ["nsfw"] = false,
        ["premium_progress_bar_enabled"] = false,
        ["safety_alerts_channel_id"] = null,
        ["incidents_data"] = null,

        // Not in the docs' Guild structure but sent by Discord and required by the OpenAPI document.
        ["home_header"] = null,
        ["region"] = "deprecated",
    };

    /// <summary>GUILD_CREATE's data: the guild with its channels, the bot's own member and the create-only fields.</summary>
    public static JsonObject Create(ulong applicationId)
    {
        var joinedAt = BotJoinedAt;
        var guild = Guild(ownerId: EmulatedUsers.OwnerId);
        guild["joined_at"] = joinedAt.ToString("O", CultureInfo.InvariantCulture);
        guild["large"] = false;
        guild["unavailable"] = false;
        guild["member_count"] = 3;
        guild["voice_states"] = new JsonArray();
        guild["members"] = new JsonArray(BotMember(applicationId, joinedAt));
        guild["channels"] = new JsonArray(Channel());
        guild["threads"] = new JsonArray();
        guild["presences"] = new JsonArray();
        guild["stage_instances"] = new JsonArray();
        guild["guild_scheduled_events"] = new JsonArray();
        guild["soundboard_sounds"] = new JsonArray();
        return guild;
    }

    /// <summary>The server's text channel (GET /channels/{id}); not age-restricted.</summary>
    public static JsonObject Channel() => new()
    {
        ["id"] = Id(DiscordEmulator.ChannelId),
        ["type"] = 0,
        ["guild_id"] = Id(DiscordEmulator.GuildId),
        ["position"] = 0,
        ["permission_overwrites"] = new JsonArray(),
        ["name"] = "imagine",
        ["topic"] = null,
        ["nsfw"] = false,
        ["last_message_id"] = null,
        ["rate_limit_per_user"] = 0,
        ["parent_id"] = null,
        ["last_pin_timestamp"] = null,
        ["flags"] = 0,
    };

    /// <summary>A guild member object for a user.</summary>
    public static JsonObject Member(JsonObject user, IEnumerable<ulong> roles, DateTimeOffset joinedAt) => new()
    {
        ["user"] = user,
        ["nick"] = null,
        ["avatar"] = null,
        ["banner"] = null,
        ["roles"] = new JsonArray([.. roles.Select(static r => (JsonNode)Id(r))]),
        ["joined_at"] = joinedAt.ToString("O", CultureInfo.InvariantCulture),
        ["premium_since"] = null,
        ["deaf"] = false,
        ["mute"] = false,
        ["flags"] = 0,
        ["pending"] = false,
        ["communication_disabled_until"] = null,
    };

    private static JsonObject BotMember(ulong applicationId, DateTimeOffset joinedAt) => Member(EmulatedUsers.Bot(applicationId), [], joinedAt);

    private static JsonObject Everyone() => new()
    {
        ["id"] = Id(DiscordEmulator.GuildId),
        ["name"] = "@everyone",
        ["color"] = 0,
        ["colors"] = new JsonObject { ["primary_color"] = 0, ["secondary_color"] = null, ["tertiary_color"] = null },
        ["hoist"] = false,
        ["icon"] = null,
        ["unicode_emoji"] = null,
        ["position"] = 0,
        ["permissions"] = "2248473465835073",
        ["managed"] = false,
        ["mentionable"] = false,
        ["flags"] = 0,
    };

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
