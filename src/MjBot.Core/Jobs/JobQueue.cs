namespace MjBot.Core.Jobs;

/// <summary>The live view of queued and running jobs (the database holds the truth; this decides who runs next).
/// Whoever takes a job out of the waiting list owns its record from then on: the runner when it starts it, a
/// canceller when it cancels it. Thread-safe.</summary>
public sealed class JobQueue(QueueLimits limits)
{
    private readonly Lock _gate = new();
    private readonly List<Job> _waiting = [];
    private readonly Dictionary<JobId, (Job Job, CancellationTokenSource Cancel)> _running = [];
    private readonly Dictionary<ulong, int> _reserved = [];
    private readonly FairScheduler _scheduler = new(limits);
    private readonly SemaphoreSlim _changed = new(0);

    public int WaitingCount
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    public int RunningCount
    {
        get
        {
            lock (_gate)
            {
                return _running.Count;
            }
        }
    }

    /// <summary>Reserves places for <paramref name="count"/> new jobs of a member, all or none; false when their
    /// queue has less room, which <paramref name="room"/> then tells.</summary>
    public bool TryReserve(ulong userId, int count, out int room)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            room = limits.Room(ActiveFor(userId));
            if (room < count)
            {
                return false;
            }

            _reserved[userId] = _reserved.GetValueOrDefault(userId) + count;
            return true;
        }
    }

    /// <summary>Gives <paramref name="count"/> reservations back (their jobs were not created after all).</summary>
    public void Release(ulong userId, int count = 1)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                Unreserve(userId);
            }
        }
    }

    /// <summary>Gets how many of a member's reservations are outstanding (for tests and diagnostics).</summary>
    public int ReservedFor(ulong userId)
    {
        lock (_gate)
        {
            return _reserved.GetValueOrDefault(userId);
        }
    }

    /// <summary>Adds a saved, announced job to the waiting list (using its reservation if it has one).</summary>
    public void Enqueue(Job job, bool reserved)
    {
        lock (_gate)
        {
            if (reserved)
            {
                Unreserve(job.UserId);
            }

            var at = _waiting.FindLastIndex(j => j.CreatedAt <= job.CreatedAt) + 1;
            _waiting.Insert(at, job);
        }

        _changed.Release();
    }

    /// <summary>Takes the next job the fair scheduler picks, if any can start, and marks it running.</summary>
    public (Job Job, CancellationTokenSource Cancel)? TryStartNext(IReadOnlyDictionary<string, int> concurrency)
    {
        lock (_gate)
        {
            var runningPerUser = _running.Values.GroupBy(static r => r.Job.UserId).ToDictionary(static g => g.Key, static g => g.Count());
            var free = concurrency.ToDictionary(
                static c => c.Key,
                c => c.Value - _running.Values.Count(r => r.Job.Backend == c.Key));
            if (_scheduler.PickNext(_waiting, runningPerUser, free) is not { } job)
            {
                return null;
            }

            _waiting.Remove(job);
            var entry = (job, new CancellationTokenSource());
            _running[job.Id] = entry;
            return entry;
        }
    }

    /// <summary>Records that a running job ended; a job back in Queued returns to the waiting list.</summary>
    public void Finished(Job job)
    {
        lock (_gate)
        {
            if (_running.Remove(job.Id, out var entry))
            {
                entry.Cancel.Dispose();
            }

            if (job.Status == JobStatus.Queued)
            {
                _waiting.Insert(_waiting.FindLastIndex(j => j.CreatedAt <= job.CreatedAt) + 1, job);
            }

            _scheduler.Forget(_waiting.Select(static j => j.UserId).Concat(_running.Values.Select(static r => r.Job.UserId)));
        }

        _changed.Release();
    }

    /// <summary>Takes a waiting job out to cancel it (the caller then owns it), or signals a running one to stop.</summary>
    /// <returns>The waiting job taken out; null when it was running (now signalled) or not active.</returns>
    public Job? TakeForCancel(JobId id, out bool wasRunning)
    {
        lock (_gate)
        {
            wasRunning = false;
            var index = _waiting.FindIndex(j => j.Id == id);
            if (index >= 0)
            {
                var job = _waiting[index];
                _waiting.RemoveAt(index);
                return job;
            }

            if (_running.TryGetValue(id, out var entry))
            {
                wasRunning = true;
                entry.Cancel.Cancel();
            }

            return null;
        }
    }

    /// <summary>Whether the job is still waiting (not started, not cancelled).</summary>
    public bool IsWaiting(JobId id)
    {
        lock (_gate)
        {
            return _waiting.Exists(j => j.Id == id);
        }
    }

    /// <summary>Whether the job is queued or running here.</summary>
    public bool IsActive(JobId id)
    {
        lock (_gate)
        {
            return _running.ContainsKey(id) || _waiting.Exists(j => j.Id == id);
        }
    }

    /// <summary>Each waiting job's place in line: its place in the order the fair scheduler will start them.</summary>
    public IReadOnlyList<(Job Job, int Position)> Positions()
    {
        lock (_gate)
        {
            return PositionsOf(_waiting);
        }
    }

    /// <summary>The place in line <paramref name="job"/> will have once it is queued (what its first waiting message
    /// shows).</summary>
    public int PositionIfQueued(Job job)
    {
        lock (_gate)
        {
            var waiting = new List<Job>(_waiting);
            waiting.Insert(waiting.FindLastIndex(j => j.CreatedAt <= job.CreatedAt) + 1, job);
            return PositionsOf(waiting).First(p => p.Job.Id == job.Id).Position;
        }
    }

    private List<(Job Job, int Position)> PositionsOf(List<Job> waiting)
    {
        var order = _scheduler.Order(waiting);
        var place = new Dictionary<JobId, int>(order.Count);
        for (var i = 0; i < order.Count; i++)
        {
            place[order[i].Id] = i + 1;
        }

        return [.. waiting.Select(j => (j, place[j.Id]))];
    }

    /// <summary>Waits until something changed or the timeout passed.</summary>
    public async Task WaitForChangeAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _changed.WaitAsync(timeout, cancellationToken);

    private int ActiveFor(ulong userId) =>
        _reserved.GetValueOrDefault(userId) + _waiting.Count(j => j.UserId == userId) + _running.Values.Count(r => r.Job.UserId == userId);

    private void Unreserve(ulong userId)
    {
        if (_reserved.TryGetValue(userId, out var n))
        {
            if (n <= 1)
            {
                _reserved.Remove(userId);
            }
            else
            {
                _reserved[userId] = n - 1;
            }
        }
    }
}
