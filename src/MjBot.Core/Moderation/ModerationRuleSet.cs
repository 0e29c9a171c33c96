using System.Text.RegularExpressions;

namespace MjBot.Core.Moderation;

/// <summary>A server's rules, checked and compiled: the built-in list when the server keeps it, then its own rules.</summary>
public sealed class ModerationRuleSet
{
    private readonly CompiledRule[] _rules;

    private ModerationRuleSet(CompiledRule[] rules) => _rules = rules;

    /// <summary>Gets the rules in the set.</summary>
    public IReadOnlyList<DisallowRule> Rules => [.. _rules.Select(r => r.Rule)];

    /// <summary>Compiles rules; one that does not validate any more (a pattern from an older version) is left out
    /// and returned in <paramref name="unusable"/>.</summary>
    public static ModerationRuleSet Compile(IEnumerable<DisallowRule> rules, TimeSpan regexTimeout, out IReadOnlyList<DisallowRule> unusable)
    {
        var compiled = new List<CompiledRule>();
        var skipped = new List<DisallowRule>();
        foreach (var rule in rules)
        {
            if (DisallowRules.Validate(rule.Term, rule.Mode, rule.Action, rule.Category, regexTimeout) is not DisallowRuleResult.Valid { Rule: var valid })
            {
                skipped.Add(rule);
                continue;
            }

            compiled.Add(valid.Mode == MatchMode.Regex
                ? new CompiledRule(valid, new Regex(valid.Term, RegexOptions.CultureInvariant, regexTimeout), null)
                : Compile(valid));
        }

        unusable = skipped;
        return new ModerationRuleSet([.. compiled]);
    }

    /// <summary>Checks every text of a request; the first blocking match wins, else the first review match.</summary>
    public ModerationVerdict Check(IEnumerable<string> texts)
    {
        ModerationVerdict.Matched? review = null;
        foreach (var text in texts)
        {
            var prompt = PromptNormalizer.Normalize(text);
            foreach (var rule in _rules)
            {
                if (!rule.Matches(prompt, out var timedOut))
                {
                    continue;
                }

                if (rule.Rule.Action == RuleAction.Block)
                {
                    return new ModerationVerdict.Matched(rule.Rule, timedOut);
                }

                review ??= new ModerationVerdict.Matched(rule.Rule, timedOut);
            }
        }

        return review ?? ModerationVerdict.Allowed;
    }

    private static CompiledRule Compile(DisallowRule rule)
    {
        var words = TermPattern.Words(rule.Term);
        return new CompiledRule(rule, TermPattern.WholeWords(words), words.Length == 1 ? TermPattern.InsideRun(words[0]) : null);
    }
}
