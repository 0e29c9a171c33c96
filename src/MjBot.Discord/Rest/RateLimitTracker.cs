namespace MjBot.Discord.Rest;

/// <summary>What Discord's rate limits allow right now, learned from its answers: per-route buckets (keyed by
/// X-RateLimit-Bucket and the major parameter), 429s by scope, a global requests-per-second window (interaction
/// endpoints exempt, as Discord exempts them) and a guard that stops sending well before Cloudflare's invalid-request
/// ban. Pure state over an injected clock: the HTTP client asks <see cref="Reserve"/>, waits what it is told, sends,
/// and reports the answer to <see cref="Update"/>.</summary>
public sealed class RateLimitTracker(TimeProvider time, RateLimitOptions options)
{
    private static readonly TimeSpan GlobalWindow = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan InvalidWindow = TimeSpan.FromMinutes(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Method, string Template), string> _bucketOfRoute = [];
    private readonly Dictionary<string, BucketState> _buckets = new(StringComparer.Ordinal);
    private readonly SlidingWindow _recentRequests = new(GlobalWindow);
    private readonly SlidingWindow _invalidAnswers = new(InvalidWindow);
    private DateTimeOffset _globalPausedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    /// <summary>Gets how many buckets the tracker holds (interaction buckets are swept once their window is over).</summary>
    public int BucketCount
    {
        get
        {
            lock (_gate)
            {
                return _buckets.Count;
            }
        }
    }

    /// <summary>Reserves a request on <paramref name="route"/> if one may be sent now; otherwise says how long to
    /// wait before asking again (nothing is reserved then).</summary>
    /// <param name="route">The route about to be called.</param>
    /// <returns><see cref="TimeSpan.Zero"/> when the request may go now.</returns>
    public TimeSpan Reserve(RouteKey route)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            Sweep(now);
            var bucket = BucketFor(route, now);
            var wait = _invalidAnswers.WaitFor(options.InvalidRequestsPerTenMinutes, now);
            if (!route.IsInteractionEndpoint)
            {
                wait = Max(wait, _globalPausedUntil - now);
                wait = Max(wait, _recentRequests.WaitFor(options.GlobalRequestsPerSecond, now));
            }

            if (bucket.Remaining == 0)
            {
                wait = Max(wait, bucket.ResetAt - now);
            }

            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            if (bucket.Remaining > 0)
            {
                bucket.Remaining--;
            }

            if (!route.IsInteractionEndpoint)
            {
                _recentRequests.Add(now);
            }

            return TimeSpan.Zero;
        }
    }

    /// <summary>Learns from an answer on <paramref name="route"/>.</summary>
    /// <param name="route">The route that was called.</param>
    /// <param name="answer">The status and rate-limit headers (and a 429's body values).</param>
    public void Update(RouteKey route, RateLimitHeaders answer)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (answer.Bucket is { Length: > 0 } hash)
            {
                _bucketOfRoute[(route.Method, route.Template)] = hash;
            }

            var bucket = BucketFor(route, now);
            if (answer.Remaining is { } remaining)
            {
                bucket.Remaining = remaining;
            }

            if (answer.ResetAfter is { } resetAfter)
            {
                bucket.ResetAt = now + TimeSpan.FromSeconds(resetAfter);
            }

            if (answer.Status == 429)
            {
                var retry = now + TimeSpan.FromSeconds(answer.RetryAfter ?? answer.ResetAfter ?? 1);
                if (answer.Global || answer.Scope == "global")
                {
                    _globalPausedUntil = Max(_globalPausedUntil, retry);
                }
                else
                {
                    bucket.Remaining = 0;
                    bucket.ResetAt = Max(bucket.ResetAt, retry);
                }
            }

            // Shared-scope 429s are Discord's doing, and Discord does not count them as invalid requests.
            if (answer.Status is 401 or 403 || (answer.Status == 429 && answer.Scope != "shared"))
            {
                _invalidAnswers.Add(now);
            }
        }
    }

    private BucketState BucketFor(RouteKey route, DateTimeOffset now)
    {
        var key = (_bucketOfRoute.TryGetValue((route.Method, route.Template), out var hash) ? hash : $"{route.Method} {route.Template}")
            + "|" + route.MajorParameter;
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = new BucketState();
            _buckets[key] = bucket;
        }

        // Past its reset the bucket's size is unknown until the next answer says it again.
        if (bucket.Remaining == 0 && now >= bucket.ResetAt)
        {
            bucket.Remaining = null;
        }

        return bucket;
    }

    // Every interaction and webhook token makes a bucket of its own; forget those whose window ended a minute ago.
    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + TimeSpan.FromMinutes(1);
        foreach (var key in _buckets.Where(b => b.Value.ResetAt < now - TimeSpan.FromMinutes(1)).Select(static b => b.Key).ToList())
        {
            _buckets.Remove(key);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class BucketState
    {
        public int? Remaining { get; set; }

        public DateTimeOffset ResetAt { get; set; } = DateTimeOffset.MinValue;
    }
}
