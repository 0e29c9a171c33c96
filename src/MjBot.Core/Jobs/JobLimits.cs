namespace MjBot.Core.Jobs;

/// <summary>Fixed limits of the job pipeline.</summary>
public static class JobLimits
{
    /// <summary>A job starts at most this many times (a crash or a retryable backend failure counts as one).</summary>
    public const int MaxAttempts = 3;

    /// <summary>Images in a grid.</summary>
    public const int GridSize = 4;
}
