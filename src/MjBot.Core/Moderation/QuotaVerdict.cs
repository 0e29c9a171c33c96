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
    /// <param name="Reason">Which limit, as a sentence ("this server's limit of 10 jobs per hour").</param>
    /// <param name="RetryAt">When the member may start a job again.</param>
    public sealed record Reached(string Reason, DateTimeOffset RetryAt) : QuotaVerdict
    {
        /// <summary>Gets which limit: <c>cooldown</c> (seconds between jobs), <c>hour</c> or <c>day</c>.</summary>
        public string Window { get; init; } = "day";

        /// <summary>Gets the limit's number (seconds for the cooldown, jobs otherwise).</summary>
        public int Limit { get; init; }
    }
}
