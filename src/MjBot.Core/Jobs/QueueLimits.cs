namespace MjBot.Core.Jobs;

/// <summary>Midjourney's per-member limits: how many jobs run at once, and how many more may wait.</summary>
/// <param name="MaxRunningPerUser">Jobs running at once (Midjourney: 3).</param>
/// <param name="MaxWaitingPerUser">Jobs waiting beyond those (Midjourney: 10); one more is "Queue full".</param>
public sealed record QueueLimits(int MaxRunningPerUser, int MaxWaitingPerUser)
{
    /// <summary>Whether a member with <paramref name="active"/> queued or running jobs may add another.</summary>
    public bool Admits(int active) => Room(active) > 0;

    /// <summary>How many more jobs a member with <paramref name="active"/> queued or running jobs may add.</summary>
    public int Room(int active) => Math.Max(0, MaxRunningPerUser + MaxWaitingPerUser - active);
}
