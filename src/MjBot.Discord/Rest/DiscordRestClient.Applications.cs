using MjBot.Discord.Models;

namespace MjBot.Discord.Rest;

/// <summary>Application endpoints.</summary>
public sealed partial class DiscordRestClient
{
    /// <summary>Reads the bot's own application (GET /applications/@me). A session resumed across a restart gets no
    /// READY, so this is where the application id comes from then.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The application.</returns>
    public Task<CurrentApplication> GetCurrentApplicationAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, new RouteKey("GET", "/applications/@me", string.Empty), "applications/@me", DiscordJsonContext.Default.CurrentApplication, cancellationToken);
}
