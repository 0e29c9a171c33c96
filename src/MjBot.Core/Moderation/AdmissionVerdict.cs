namespace MjBot.Core.Moderation;

/// <summary>What the <see cref="AdmissionGate"/> says about a request; the host turns each into a sentence.</summary>
public abstract record AdmissionVerdict
{
    private AdmissionVerdict()
    {
    }

    /// <summary>Gets the verdict for a request that passed every check.</summary>
    public static AdmissionVerdict Admitted { get; } = new Pass();

    /// <summary>Every check passed.</summary>
    public sealed record Pass : AdmissionVerdict;

    /// <summary>The member is barred from the bot on this server.</summary>
    /// <param name="Reason">The moderator's reason, or null.</param>
    public sealed record Banned(string? Reason) : AdmissionVerdict;

    /// <summary>The server allows the bot only in other channels.</summary>
    /// <param name="AllowedChannelIds">Where it may be used.</param>
    public sealed record ChannelNotAllowed(IReadOnlyList<ulong> AllowedChannelIds) : AdmissionVerdict;

    /// <summary>The member reached the server's quota or cooldown.</summary>
    /// <param name="Quota">Which limit, and when the member may start a job again.</param>
    public sealed record QuotaReached(QuotaVerdict.Reached Quota) : AdmissionVerdict;

    /// <summary>A disallow rule matched the request.</summary>
    /// <param name="Match">The rule, and whether it ran out of time.</param>
    public sealed record Stopped(ModerationVerdict.Matched Match) : AdmissionVerdict;
}
