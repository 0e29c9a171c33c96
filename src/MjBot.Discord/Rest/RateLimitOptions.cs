namespace MjBot.Discord.Rest;

/// <summary>The client's own limits, set well inside Discord's.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Gets the requests per second across all routes except interaction endpoints (Discord allows 50).</summary>
    /// <value>The default value is 50.</value>
    public int GlobalRequestsPerSecond { get; init; } = 50;

    /// <summary>Gets how many 401, 403 and 429 answers in 10 minutes make the client stop sending until the window
    /// clears. Cloudflare bans an address at 10,000; the client stops at a tenth of that.</summary>
    /// <value>The default value is 1000.</value>
    public int InvalidRequestsPerTenMinutes { get; init; } = 1000;
}
