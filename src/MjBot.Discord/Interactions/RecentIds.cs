using MjBot.Discord.Models;

namespace MjBot.Discord.Interactions;

/// <summary>The last <c>capacity</c> ids seen, to drop a dispatch Discord delivers twice ("up to N times", and a resume
/// may replay what already arrived). Thread-safe.</summary>
internal sealed class RecentIds(int capacity)
{
    private readonly Lock _gate = new();
    private readonly HashSet<Snowflake> _seen = [];
    private readonly Queue<Snowflake> _order = new();

    /// <summary>Adds an id; false when it was already there.</summary>
    public bool TryAdd(Snowflake id)
    {
        lock (_gate)
        {
            if (!_seen.Add(id))
            {
                return false;
            }

            _order.Enqueue(id);
            if (_order.Count > capacity)
            {
                _seen.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}
