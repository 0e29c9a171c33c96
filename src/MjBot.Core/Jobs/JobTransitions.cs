namespace MjBot.Core.Jobs;

/// <summary>The job state machine. Queued → Running | Cancelled | Blocked | Failed; Running → Succeeded | Failed |
/// Cancelled | Blocked (the provider's safety system refused it), or back to Queued when a crash interrupted it;
/// terminal states go nowhere.</summary>
public static class JobTransitions
{
    /// <summary>Whether <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool Allowed(JobStatus from, JobStatus to) => (from, to) switch
    {
        (JobStatus.Queued, JobStatus.Running or JobStatus.Cancelled or JobStatus.Blocked or JobStatus.Failed) => true,
        (JobStatus.Running, JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled or JobStatus.Blocked or JobStatus.Queued) => true,
        _ => false,
    };

    /// <summary>Moves the job, stamping start and finish times; throws on an illegal move.</summary>
    /// <exception cref="IllegalJobTransitionException">The state machine does not allow it.</exception>
    public static Job Move(Job job, JobStatus to, DateTimeOffset now, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!Allowed(job.Status, to))
        {
            throw new IllegalJobTransitionException(job.Id, job.Status, to);
        }

        return to switch
        {
            JobStatus.Running => job with { Status = to, Attempts = job.Attempts + 1, StartedAt = now, Progress = 0 },
            JobStatus.Queued => job with { Status = to, StartedAt = null, Progress = 0 },
            _ => job with { Status = to, FinishedAt = now, Error = error ?? job.Error },
        };
    }
}
