using MjBot.Discord.Models;

namespace MjBot.Discord.Rest;

/// <summary>The gateway bootstrap endpoint.</summary>
public sealed partial class DiscordRestClient
{
    /// <summary>Reads where to connect and the identify budget (GET /gateway/bot).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The gateway URL, recommended shards and session start limit.</returns>
    public Task<GatewayBotResponse> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, new RouteKey("GET", "/gateway/bot", string.Empty), "gateway/bot", DiscordJsonContext.Default.GatewayBotResponse, cancellationToken);
}
