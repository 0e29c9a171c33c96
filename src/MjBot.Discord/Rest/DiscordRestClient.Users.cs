using MjBot.Discord.Models;

namespace MjBot.Discord.Rest;

/// <summary>User endpoints.</summary>
public sealed partial class DiscordRestClient
{
    /// <summary>Reads the bot's own user: the cheapest proof that the token is accepted.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The bot user.</returns>
    public Task<User> GetCurrentUserAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, new RouteKey("GET", "/users/@me", string.Empty), "users/@me", DiscordJsonContext.Default.User, cancellationToken);
}
