namespace MjBot.Core.Moderation;

/// <summary>Where a held or blocked prompt stands.</summary>
public enum ReviewStatus
{
    /// <summary>Refused by a blocking rule; the member may appeal.</summary>
    Blocked,

    /// <summary>Waiting for a moderator in the review channel (a review rule matched, or the member appealed).</summary>
    Pending,

    /// <summary>A moderator approved it; the job was started.</summary>
    Approved,

    /// <summary>A moderator denied it.</summary>
    Denied,
}
