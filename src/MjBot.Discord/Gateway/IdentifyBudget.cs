using MjBot.Discord.Models;

namespace MjBot.Discord.Gateway;

/// <summary>A guard against identify storms: IDENTIFY only while the daily session budget from GET /gateway/bot has
/// room (one kept in reserve), and no more often than max_concurrency per 5 seconds. A reconnect loop that would
/// burn the budget waits instead, and says until when.</summary>
public sealed class IdentifyBudget(TimeProvider time)
{
    private static readonly TimeSpan ConcurrencyWindow = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly SlidingWindow _recent = new(ConcurrencyWindow);
    private int _remaining = 1;
    private int _maxConcurrency = 1;
    private DateTimeOffset _resetAt = DateTimeOffset.MinValue;

    /// <summary>Learns the budget from GET /gateway/bot.</summary>
    /// <param name="limit">session_start_limit.</param>
    public void Update(SessionStartLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        lock (_gate)
        {
            _remaining = limit.Remaining;
            _maxConcurrency = Math.Max(1, limit.MaxConcurrency);
            _resetAt = time.GetUtcNow() + TimeSpan.FromMilliseconds(limit.ResetAfter);
        }
    }

    /// <summary>Reserves an IDENTIFY if one may be sent now; otherwise says how long to wait.</summary>
    /// <returns><see cref="TimeSpan.Zero"/> when the IDENTIFY may go now.</returns>
    public TimeSpan Reserve()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (_remaining <= 1 && now < _resetAt)
            {
                return _resetAt - now;
            }

            var wait = _recent.WaitFor(_maxConcurrency, now);
            if (wait > TimeSpan.Zero)
            {
                return wait;
            }

            _recent.Add(now);
            _remaining = Math.Max(0, _remaining - 1);
            return TimeSpan.Zero;
        }
    }
}
