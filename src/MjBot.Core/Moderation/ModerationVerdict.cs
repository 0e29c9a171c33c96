namespace MjBot.Core.Moderation;

/// <summary>What the disallow list says about a request.</summary>
public abstract record ModerationVerdict
{
    private ModerationVerdict()
    {
    }

    /// <summary>Gets the verdict for a request no rule matched.</summary>
    public static ModerationVerdict Allowed { get; } = new Pass();

    /// <summary>No rule matched.</summary>
    public sealed record Pass : ModerationVerdict;

    /// <summary>A rule matched (a blocking rule wins over a review rule).</summary>
    /// <param name="Rule">The rule.</param>
    /// <param name="TimedOut">Whether the rule is a pattern that ran out of time: it counts as a match, so that a slow
    /// pattern fails closed, and moderators are told so they can fix it.</param>
    public sealed record Matched(DisallowRule Rule, bool TimedOut) : ModerationVerdict;
}
