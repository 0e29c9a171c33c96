namespace MjBot.Discord.Rest;

/// <summary>What a response said about rate limits (headers and, for 429, the body).</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Bucket">X-RateLimit-Bucket.</param>
/// <param name="Remaining">X-RateLimit-Remaining.</param>
/// <param name="ResetAfter">X-RateLimit-Reset-After, in seconds.</param>
/// <param name="RetryAfter">A 429's retry_after (body) or Retry-After (header), in seconds.</param>
/// <param name="Global">Whether a 429 hit the global limit.</param>
/// <param name="Scope">X-RateLimit-Scope: user, global or shared.</param>
public readonly record struct RateLimitHeaders(
    int Status,
    string? Bucket = null,
    int? Remaining = null,
    double? ResetAfter = null,
    double? RetryAfter = null,
    bool Global = false,
    string? Scope = null);
