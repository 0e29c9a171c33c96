namespace MjBot.Core.Moderation;

/// <summary>A checked rule, or the sentence that says why it cannot be used.</summary>
public abstract record DisallowRuleResult
{
    private DisallowRuleResult()
    {
    }

    /// <summary>The rule is usable.</summary>
    public sealed record Valid(DisallowRule Rule) : DisallowRuleResult;

    /// <summary>The rule is refused, with the reason for the moderator.</summary>
    public sealed record Invalid(string Reason) : DisallowRuleResult;
}
