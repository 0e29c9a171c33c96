using MjBot.Discord.Models;

namespace MjBot.Discord.Rest;

/// <summary>Direct-message channels.</summary>
public sealed partial class DiscordRestClient
{
    /// <summary>Opens (or finds) the DM channel with a user (POST /users/@me/channels).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The DM channel.</returns>
    public Task<Channel> CreateDmAsync(Snowflake userId, CancellationToken cancellationToken) =>
        SendAsync(
            HttpMethod.Post,
            new RouteKey("POST", "/users/@me/channels", string.Empty),
            "users/@me/channels",
            new DmRequest(userId),
            DiscordJsonContext.Default.DmRequest,
            DiscordJsonContext.Default.Channel,
            cancellationToken);
}
