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
            return new DisallowRuleResult.Invalid("The term is empty.");
        }

        if (term.Length > DisallowRule.MaxTermLength)
        {
            return new DisallowRuleResult.Invalid($"The term is {term.Length} characters long; the limit is {DisallowRule.MaxTermLength}.");
        }

        if (category.Length > DisallowRule.MaxCategoryLength || category.Any(char.IsControl))
        {
            return new DisallowRuleResult.Invalid($"The category must be one line of at most {DisallowRule.MaxCategoryLength} characters.");
        }

        if (mode == MatchMode.Regex)
        {
            try
            {
                _ = new Regex(term, RegexOptions.CultureInvariant, regexTimeout);
            }
            catch (ArgumentException ex)
            {
                return new DisallowRuleResult.Invalid($"That is not a valid regular expression: {ex.Message}");
            }

            return new DisallowRuleResult.Valid(new DisallowRule(term, mode, action, category));
        }

        var words = TermPattern.Words(term);
        if (words.Length == 0)
        {
            return new DisallowRuleResult.Invalid("The term has no letters or digits to match.");
        }

        // A "word" of several words can only be matched as a phrase; say so in the list.
        return new DisallowRuleResult.Valid(new DisallowRule(term, words.Length > 1 ? MatchMode.Phrase : mode, action, category));
    }
}
