namespace MjBot.Discord.Rest;

/// <summary>One request in flight per route (method, template and major parameter), as Discord's buckets expect:
/// each answer's X-RateLimit-Remaining then describes the state the next request meets, and a bucket whose size is not
/// known yet is probed with one request instead of a burst. Entries live only while someone holds or waits on them.</summary>
internal sealed class RouteGate
{
    private readonly Lock _gate = new();
    private readonly Dictionary<RouteKey, Entry> _entries = [];

    /// <summary>Waits for the route's turn; dispose the result to give it up.</summary>
    public async Task<Turn> EnterAsync(RouteKey route, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(route, out entry!))
            {
                entry = new Entry();
                _entries[route] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Leave(route, entry, held: false);
            throw;
        }

        return new Turn(this, route, entry);
    }

    private void Leave(RouteKey route, Entry entry, bool held)
    {
        if (held)
        {
            entry.Semaphore.Release();
        }

        lock (_gate)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(route);
                entry.Semaphore.Dispose();
            }
        }
    }

    /// <summary>A held turn on one route.</summary>
    internal readonly struct Turn(RouteGate owner, RouteKey route, Entry entry) : IDisposable
    {
        public void Dispose() => owner.Leave(route, entry, held: true);
    }

    internal sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }
}
