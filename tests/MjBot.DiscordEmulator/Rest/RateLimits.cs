using Microsoft.AspNetCore.Http;
using System.Globalization;

namespace MjBot.DiscordEmulator.Rest;

/// <summary>Discord's rate limits as the emulator enforces them: fixed-window buckets per (bucket hash, major
/// parameter) and a global requests-per-second limit that interaction endpoints are exempt from. Every answer carries
/// the X-RateLimit-* headers; a refusal is a 429 with Discord's body, Retry-After and X-RateLimit-Scope.</summary>
internal sealed class RateLimits(EmulatorOptions options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Window> _buckets = [];
    private readonly Queue<DateTimeOffset> _global = new();
    private int _refusals;

    /// <summary>Gets how many requests were refused with 429.</summary>
    public int Refusals => Volatile.Read(ref _refusals);

    /// <summary>Counts a request; a 429 answer when it is over a limit, otherwise null. Writes the bucket headers.</summary>
    public RestAnswer? Admit(RateLimitRule rule, string major, bool exemptFromGlobal, HttpResponse response)
    {
        lock (_gate)
        {
            var now = options.RateLimitTime.GetUtcNow();
            if (!exemptFromGlobal)
            {
                while (_global.Count > 0 && _global.Peek() <= now - TimeSpan.FromSeconds(1))
                {
                    _global.Dequeue();
                }

                if (_global.Count >= options.GlobalRequestsPerSecond)
                {
                    var retry = (_global.Peek() + TimeSpan.FromSeconds(1) - now).TotalSeconds;
                    response.Headers["X-RateLimit-Global"] = "true";
                    return Refuse(response, retry, global: true, "global");
                }

                _global.Enqueue(now);
            }

            var key = rule.Hash + ":" + major;
            if (!_buckets.TryGetValue(key, out var window) || now >= window.ResetAt)
            {
                window = new Window { ResetAt = now + rule.Window, Remaining = rule.Limit };
                _buckets[key] = window;
            }

            var resetAfter = (window.ResetAt - now).TotalSeconds;
            response.Headers["X-RateLimit-Bucket"] = rule.Hash;
            response.Headers["X-RateLimit-Limit"] = rule.Limit.ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Reset"] = (window.ResetAt.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Reset-After"] = resetAfter.ToString("0.000", CultureInfo.InvariantCulture);
            if (window.Remaining == 0)
            {
                response.Headers["X-RateLimit-Remaining"] = "0";
                return Refuse(response, resetAfter, global: false, "user");
            }

            window.Remaining--;
            response.Headers["X-RateLimit-Remaining"] = window.Remaining.ToString(CultureInfo.InvariantCulture);
            return null;
        }
    }

    private RestAnswer Refuse(HttpResponse response, double retryAfter, bool global, string scope)
    {
        _refusals++;
        response.Headers["Retry-After"] = Math.Ceiling(retryAfter).ToString(CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Scope"] = scope;
        return new RestAnswer(429, new System.Text.Json.Nodes.JsonObject
        {
            ["message"] = "You are being rate limited.",
            ["retry_after"] = Math.Round(retryAfter, 3),
            ["global"] = global,
        });
    }

    private sealed class Window
    {
        public DateTimeOffset ResetAt { get; init; }

        public int Remaining { get; set; }
    }
}
