namespace MjBot.Configuration;

/// <summary>The <c>Queue</c> section: Midjourney-like per-member limits.</summary>
public sealed class QueueOptions
{
    public const string SectionName = "Queue";

    /// <summary>Gets or sets how many of a member's jobs may run at once.</summary>
    /// <value>The default value is 3.</value>
    public int MaxRunningPerUser { get; set; } = 3;

    /// <summary>Gets or sets how many of a member's jobs may wait before "Queue full".</summary>
    /// <value>The default value is 10.</value>
    public int MaxWaitingPerUser { get; set; } = 10;

    /// <summary>Gets or sets the cap on permutations × --repeat for one command.</summary>
    /// <value>The default value is 40.</value>
    public int MaxJobsPerCommand { get; set; } = 40;

    /// <summary>Gets or sets the least time between two progress edits of one job's message.</summary>
    /// <value>The default value is 2 (seconds), Midjourney's pace and well inside Discord's edit limits.</value>
    public int ProgressEditSeconds { get; set; } = 2;
}
