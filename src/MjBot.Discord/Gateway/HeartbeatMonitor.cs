namespace MjBot.Discord.Gateway;

/// <summary>Heartbeat timing for one connection: the first beat after interval × jitter (jitter in [0, 1)), then one
/// every interval; a beat due while the previous one is unacknowledged means the connection is a zombie.</summary>
public sealed class HeartbeatMonitor
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private DateTimeOffset _next;
    private DateTimeOffset _sentAt;
    private bool _awaitingAck;

    /// <summary>Initializes a new instance of the <see cref="HeartbeatMonitor"/> class when HELLO arrives.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="interval">HELLO's heartbeat_interval.</param>
    /// <param name="jitter">A random number in [0, 1) for the first beat.</param>
    public HeartbeatMonitor(TimeProvider time, TimeSpan interval, double jitter)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        if (jitter is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "Jitter must be in [0, 1).");
        }

        _time = time;
        _interval = interval;
        _next = time.GetUtcNow() + (interval * jitter);
    }

    /// <summary>Gets the round trip of the last acknowledged heartbeat.</summary>
    public TimeSpan? Latency { get; private set; }

    /// <summary>Gets how long until the next heartbeat is due.</summary>
    public TimeSpan UntilDue
    {
        get
        {
            var left = _next - _time.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>Decides what to do now that a heartbeat is due (or Discord asked for one with op 1).</summary>
    /// <param name="requestedByServer">Whether Discord sent op 1: beat at once, without the zombie check.</param>
    /// <returns>Send, or zombie.</returns>
    public HeartbeatAction Due(bool requestedByServer = false)
    {
        var now = _time.GetUtcNow();
        if (_awaitingAck && !requestedByServer)
        {
            return HeartbeatAction.Zombie;
        }

        _awaitingAck = true;
        _sentAt = now;
        if (!requestedByServer)
        {
            _next = now + _interval;
        }

        return HeartbeatAction.Send;
    }

    /// <summary>Records HEARTBEAT_ACK (op 11).</summary>
    public void Acknowledged()
    {
        _awaitingAck = false;
        Latency = _time.GetUtcNow() - _sentAt;
    }
}
