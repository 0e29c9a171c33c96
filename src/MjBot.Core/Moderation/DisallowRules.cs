using System.Text.RegularExpressions;

namespace MjBot.Core.Moderation;

/// <summary>Checks a rule a moderator typed or imported, and says in a sentence what is wrong with it.</summary>
public static class DisallowRules
{
    public static DisallowRuleResult Validate(string? term, MatchMode mode, RuleAction action, string? category, TimeSpan regexTimeout)
    {
        term = term?.Trim();
        category = string.IsNullOrWhiteSpace(category) ? DisallowRule.ServerRulesCategory : category.Trim();
        if (string.IsNullOrEmpty(term))
        {
            return DisallowRuleResult.Invalid.Of("rule.empty");
        }

        if (term.Length > DisallowRule.MaxTermLength)
        {
            return DisallowRuleResult.Invalid.Of("rule.too_long", ("length", term.Length), ("limit", DisallowRule.MaxTermLength));
        }

        if (category.Length > DisallowRule.MaxCategoryLength || category.Any(char.IsControl))
        {
            return DisallowRuleResult.Invalid.Of("rule.category", ("limit", DisallowRule.MaxCategoryLength));
        }

        if (mode == MatchMode.Regex)
        {
            try
            {
                _ = new Regex(term, RegexOptions.CultureInvariant, regexTimeout);
            }
            catch (ArgumentException ex)
            {
                return DisallowRuleResult.Invalid.Of("rule.regex", ("error", ex.Message));
            }

            return new DisallowRuleResult.Valid(new DisallowRule(term, mode, action, category));
        }

        var words = TermPattern.Words(term);
        if (words.Length == 0)
        {
            return DisallowRuleResult.Invalid.Of("rule.no_letters");
        }

        // A "word" of several words can only be matched as a phrase; say so in the list.
        return new DisallowRuleResult.Valid(new DisallowRule(term, words.Length > 1 ? MatchMode.Phrase : mode, action, category));
    }
}
