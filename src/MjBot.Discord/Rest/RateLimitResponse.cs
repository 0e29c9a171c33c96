namespace MjBot.Discord.Rest;

/// <summary>The body of a 429 answer.</summary>
/// <param name="Message">Discord's message.</param>
/// <param name="RetryAfter">Seconds to wait.</param>
/// <param name="Global">Whether the global limit was hit.</param>
public sealed record RateLimitResponse(string Message, double RetryAfter, bool Global)
{
    /// <summary>Gets Discord's JSON error code, when present.</summary>
    public int? Code { get; init; }
}
