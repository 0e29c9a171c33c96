using System.Text.RegularExpressions;

namespace MjBot.Core.Moderation;

/// <summary>A rule with its patterns built once.</summary>
internal sealed class CompiledRule(DisallowRule rule, Regex pattern, Regex? insideRun)
{
    public DisallowRule Rule { get; } = rule;

    /// <summary>Whether the rule matches; a pattern that runs out of time counts as a match.</summary>
    public bool Matches(NormalizedPrompt prompt, out bool timedOut)
    {
        timedOut = false;
        try
        {
            return pattern.IsMatch(prompt.Words)
                || pattern.IsMatch(prompt.Joined)
                || (insideRun is not null && prompt.LetterRuns.Any(insideRun.IsMatch));
        }
        catch (RegexMatchTimeoutException)
        {
            timedOut = true;
            return true;
        }
    }
}
