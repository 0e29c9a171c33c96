namespace MjBot.Core.Jobs;

/// <summary>A job was asked to move where its state machine does not allow (a bug, never a member's doing).</summary>
public sealed class IllegalJobTransitionException : InvalidOperationException
{
    public IllegalJobTransitionException(JobId id, JobStatus from, JobStatus to)
        : base($"Job {id} cannot move from {from} to {to}.")
    {
        From = from;
        To = to;
    }

    public JobStatus From { get; }

    public JobStatus To { get; }
}
