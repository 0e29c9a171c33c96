namespace MjBot.Discord.Gateway;

/// <summary>Discord closes a connection that sends more than 120 events in 60 seconds (4008). The client keeps a few
/// in reserve for heartbeats: ordinary sends stop at 110, heartbeats may use the rest.</summary>
public sealed class GatewaySendLimiter(TimeProvider time)
{
    /// <summary>Discord's limit.</summary>
    public const int PerMinute = 120;

    /// <summary>Sends reserved for heartbeats.</summary>
    public const int HeartbeatReserve = 10;

    private readonly Lock _gate = new();
    private readonly SlidingWindow _sent = new(TimeSpan.FromMinutes(1));

    /// <summary>Reserves one send if it may go now; otherwise says how long to wait (nothing reserved then).</summary>
    /// <param name="heartbeat">Whether this is a heartbeat, which may use the reserve.</param>
    /// <returns><see cref="TimeSpan.Zero"/> when the send may go now.</returns>
    public TimeSpan Reserve(bool heartbeat)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var wait = _sent.WaitFor(heartbeat ? PerMinute : PerMinute - HeartbeatReserve, now);
            if (wait == TimeSpan.Zero)
            {
                _sent.Add(now);
            }

            return wait;
        }
    }
}
