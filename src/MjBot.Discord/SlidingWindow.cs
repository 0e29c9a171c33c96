namespace MjBot.Discord;

/// <summary>Counts events in the last <c>window</c> and says how long until another is allowed under a limit.
/// Not thread-safe: its owner holds the lock.</summary>
internal sealed class SlidingWindow(TimeSpan window)
{
    private readonly Queue<DateTimeOffset> _events = new();

    public int Count(DateTimeOffset now)
    {
        while (_events.Count > 0 && _events.Peek() <= now - window)
        {
            _events.Dequeue();
        }

        return _events.Count;
    }

    /// <summary>Zero when fewer than <paramref name="limit"/> events lie in the window; otherwise the time until the
    /// oldest leaves it.</summary>
    public TimeSpan WaitFor(int limit, DateTimeOffset now) =>
        Count(now) < limit ? TimeSpan.Zero : _events.Peek() + window - now;

    public void Add(DateTimeOffset now) => _events.Enqueue(now);
}
