namespace MjBot.DiscordEmulator.Rest;

/// <summary>A bucket: its hash (what X-RateLimit-Bucket says), how many requests it allows per window.</summary>
internal sealed record RateLimitRule(string Hash, int Limit, TimeSpan Window);
