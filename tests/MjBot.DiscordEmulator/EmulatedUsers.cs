using System.Globalization;
using System.Text.Json.Nodes;

namespace MjBot.DiscordEmulator;

/// <summary>User objects as Discord sends them (the docs' User structure): every non-optional field present, nullable
/// ones as null — <c>avatar</c>, <c>global_name</c>, <c>discriminator</c> "0" for migrated usernames.</summary>
public static class EmulatedUsers
{
    /// <summary>The application's owner, who also owns the server (not one of the emulated members).</summary>
    public const ulong OwnerId = 1;

    /// <summary>The bot user (READY, GET /users/@me, message authors).</summary>
    public static JsonObject Bot(ulong applicationId) => User(applicationId, "MjBot", globalName: null, bot: true);

    /// <summary>A member's user object.</summary>
    public static JsonObject Member(EmulatedMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return User(member.UserId, member.Username, member.Username, bot: false);
    }

    /// <summary>Any user by id and name.</summary>
    public static JsonObject User(ulong id, string username, string? globalName, bool bot)
    {
        var user = new JsonObject
        {
            ["id"] = id.ToString(CultureInfo.InvariantCulture),
            ["username"] = username,
            ["discriminator"] = "0",
            ["global_name"] = globalName,
            ["avatar"] = null,
            ["public_flags"] = 0,
            ["flags"] = 0,
            ["banner"] = null,
            ["accent_color"] = null,
            ["avatar_decoration_data"] = null,
            ["collectibles"] = null,
            ["primary_guild"] = null,
        };
        if (bot)
        {
            user["bot"] = true;
        }

        return user;
    }
}
