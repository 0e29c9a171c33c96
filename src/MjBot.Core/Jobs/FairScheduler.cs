namespace MjBot.Core.Jobs;

/// <summary>Chooses the next job to start: among members with a startable job (their backend has a free slot and they
/// run fewer than their limit), the one served least recently goes first (round-robin), and each member's own jobs go
/// in order (FIFO). A member who queues 30 jobs therefore delays another member's single job by one slot at most.
/// Not thread-safe: the job runner's loop owns it.</summary>
public sealed class FairScheduler(QueueLimits limits)
{
    private readonly Dictionary<ulong, long> _lastServed = [];
    private long _tick;

    /// <summary>Picks the next job, or null when nothing can start now. The pick counts as serving its member.</summary>
    /// <param name="waiting">Queued jobs, oldest first.</param>
    /// <param name="runningPerUser">Running jobs per member.</param>
    /// <param name="freeSlotsPerBackend">Free slots per backend name.</param>
    public Job? PickNext(IReadOnlyList<Job> waiting, IReadOnlyDictionary<ulong, int> runningPerUser, IReadOnlyDictionary<string, int> freeSlotsPerBackend)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        ArgumentNullException.ThrowIfNull(runningPerUser);
        ArgumentNullException.ThrowIfNull(freeSlotsPerBackend);
        Job? best = null;
        var bestServed = long.MaxValue;
        var seen = new HashSet<ulong>();
        foreach (var job in waiting)
        {
            // Each member's oldest startable job is their candidate; later ones wait behind it.
            if (seen.Contains(job.UserId)
                || runningPerUser.GetValueOrDefault(job.UserId) >= limits.MaxRunningPerUser
                || freeSlotsPerBackend.GetValueOrDefault(job.Backend) <= 0)
            {
                continue;
            }

            seen.Add(job.UserId);
            var served = _lastServed.GetValueOrDefault(job.UserId);
            if (served < bestServed)
            {
                best = job;
                bestServed = served;
            }
        }

        if (best is not null)
        {
            _lastServed[best.UserId] = ++_tick;
        }

        return best;
    }

    /// <summary>Predicts the order the waiting jobs will start in, as <see cref="PickNext"/> would pick them with a free
    /// slot each time: the member served least recently first (ties: whose oldest job is oldest), then round-robin,
    /// each member's own jobs in order. What a member is told as their place in line.</summary>
    /// <param name="waiting">Queued jobs, oldest first.</param>
    /// <returns>The same jobs in their predicted start order.</returns>
    public IReadOnlyList<Job> Order(IReadOnlyList<Job> waiting)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        var perMember = new Dictionary<ulong, List<Job>>();
        var members = new List<ulong>();
        foreach (var job in waiting)
        {
            if (!perMember.TryGetValue(job.UserId, out var jobs))
            {
                perMember[job.UserId] = jobs = [];
                members.Add(job.UserId);
            }

            jobs.Add(job);
        }

        // A stable sort keeps first-come order among members served equally long ago.
        var turns = members.OrderBy(m => _lastServed.GetValueOrDefault(m)).ToList();
        var order = new List<Job>(waiting.Count);
        for (var round = 0; order.Count < waiting.Count; round++)
        {
            foreach (var member in turns)
            {
                if (round < perMember[member].Count)
                {
                    order.Add(perMember[member][round]);
                }
            }
        }

        return order;
    }

    /// <summary>Forgets members with nothing queued or running, so the table stays small.</summary>
    public void Forget(IEnumerable<ulong> activeUsers)
    {
        var keep = activeUsers.ToHashSet();
        foreach (var user in _lastServed.Keys.Where(u => !keep.Contains(u)).ToList())
        {
            _lastServed.Remove(user);
        }
    }
}
