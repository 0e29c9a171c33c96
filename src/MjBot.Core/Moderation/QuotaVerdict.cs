namespace MjBot.Core.Moderation;

/// <summary>Whether a member may start a job now under the server's quota.</summary>
public abstract record QuotaVerdict
{
    private QuotaVerdict()
    {
    }

    public static QuotaVerdict Allowed { get; } = new Within();

    /// <summary>The member is within every limit.</summary>
    public sealed record Within : QuotaVerdict;

    /// <summary>A limit is reached.</summary>
    /// <param name="Window">Which limit: <c>cooldown</c> (seconds between jobs), <c>hour</c> or <c>day</c>.</param>
    /// <param name="Limit">The limit's number (seconds for the cooldown, jobs otherwise).</param>
    /// <param name="RetryAt">When the member may start a job again.</param>
    public sealed record Reached(string Window, int Limit, DateTimeOffset RetryAt) : QuotaVerdict;
}
