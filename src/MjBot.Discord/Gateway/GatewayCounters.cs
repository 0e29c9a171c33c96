namespace MjBot.Discord.Gateway;

/// <summary>What the gateway client has done since it started: for tests, logs and metrics. Thread-safe.</summary>
public sealed class GatewayCounters
{
    private long _connections;
    private long _identifies;
    private long _resumes;
    private long _resumed;
    private long _invalidSessions;
    private long _zombies;
    private long _dispatches;

    /// <summary>Gets how many connections were opened.</summary>
    public long Connections => Interlocked.Read(ref _connections);

    /// <summary>Gets how many IDENTIFYs were sent.</summary>
    public long Identifies => Interlocked.Read(ref _identifies);

    /// <summary>Gets how many RESUMEs were sent.</summary>
    public long Resumes => Interlocked.Read(ref _resumes);

    /// <summary>Gets how many RESUMED dispatches arrived.</summary>
    public long Resumed => Interlocked.Read(ref _resumed);

    /// <summary>Gets how many invalid sessions (op 9) arrived.</summary>
    public long InvalidSessions => Interlocked.Read(ref _invalidSessions);

    /// <summary>Gets how many connections were found to be zombies (an unacknowledged heartbeat).</summary>
    public long Zombies => Interlocked.Read(ref _zombies);

    /// <summary>Gets how many dispatches arrived.</summary>
    public long Dispatches => Interlocked.Read(ref _dispatches);

    internal void Connected() => Interlocked.Increment(ref _connections);

    internal void Identified() => Interlocked.Increment(ref _identifies);

    internal void Resuming() => Interlocked.Increment(ref _resumes);

    internal void ResumedSession() => Interlocked.Increment(ref _resumed);

    internal void InvalidSession() => Interlocked.Increment(ref _invalidSessions);

    internal void Zombie() => Interlocked.Increment(ref _zombies);

    internal void Dispatched() => Interlocked.Increment(ref _dispatches);
}
