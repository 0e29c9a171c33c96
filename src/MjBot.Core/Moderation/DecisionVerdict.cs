using MjBot.Core.Prompting;

namespace MjBot.Core.Moderation;

/// <summary>What <see cref="ReviewBook.DecideAsync"/> made of a moderator's decision.</summary>
public abstract record DecisionVerdict
{
    private DecisionVerdict()
    {
    }

    /// <summary>Only moderators decide reviews.</summary>
    public sealed record NotModerator : DecisionVerdict;

    /// <summary>The review is no longer known.</summary>
    public sealed record Unknown : DecisionVerdict;

    /// <summary>It was decided before.</summary>
    /// <param name="Status">How.</param>
    public sealed record AlreadyDecided(ReviewStatus Status) : DecisionVerdict;

    /// <summary>An approval found the member's queue full; nothing changed.</summary>
    public sealed record QueueFull : DecisionVerdict;

    /// <summary>Another moderator decided it a moment ago; nothing changed.</summary>
    public sealed record DecidedElsewhere : DecisionVerdict;

    /// <summary>Decided, saved and written to the audit log (a ban is in force). An approval holds
    /// <paramref name="JobCount"/> queue reservations for the member: each becomes a job or is given back.</summary>
    /// <param name="Review">The review as decided.</param>
    /// <param name="Decision">The decision.</param>
    /// <param name="Parsed">The prompt as parsed, or null when it no longer parses (it runs as one job as written).</param>
    /// <param name="JobCount">How many jobs an approval starts (permutations × --repeat).</param>
    public sealed record Decided(PromptReview Review, ReviewDecision Decision, PromptParseResult.Success? Parsed, int JobCount) : DecisionVerdict;
}
