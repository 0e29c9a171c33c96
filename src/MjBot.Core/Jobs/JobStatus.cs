namespace MjBot.Core.Jobs;

/// <summary>Where a job is: Queued → Running → Succeeded | Failed | Cancelled | Blocked.</summary>
public enum JobStatus
{
    /// <summary>Waiting for a slot.</summary>
    Queued,

    /// <summary>On a backend.</summary>
    Running,

    /// <summary>Finished with images.</summary>
    Succeeded,

    /// <summary>Finished without images (after its retries).</summary>
    Failed,

    /// <summary>Cancelled by its author or a moderator.</summary>
    Cancelled,

    /// <summary>Refused by moderation.</summary>
    Blocked,
}
