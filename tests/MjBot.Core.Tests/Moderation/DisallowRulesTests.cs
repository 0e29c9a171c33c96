using MjBot.Core.Moderation;

namespace MjBot.Core.Tests.Moderation;

public sealed class DisallowRulesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("!!!", "no letters or digits")]
    public void Validate_UnusableWordTerm_SaysWhy(string term, string expected)
    {
        var result = Assert.IsType<DisallowRuleResult.Invalid>(DisallowRules.Validate(term, MatchMode.Word, RuleAction.Block, null, Timeout));
        Assert.Contains(expected, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenRegex_SaysItIsNotValid()
    {
        var result = Assert.IsType<DisallowRuleResult.Invalid>(DisallowRules.Validate("(unclosed", MatchMode.Regex, RuleAction.Block, null, Timeout));
        Assert.StartsWith("That is not a valid regular expression", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TooLongTerm_NamesTheLimit()
    {
        var result = Assert.IsType<DisallowRuleResult.Invalid>(DisallowRules.Validate(new string('x', 201), MatchMode.Word, RuleAction.Block, null, Timeout));
        Assert.Contains("200", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MultiWordTermInWordMode_BecomesAPhraseWithTheServerCategory()
    {
        var rule = Assert.IsType<DisallowRuleResult.Valid>(DisallowRules.Validate("  adult themes ", MatchMode.Word, RuleAction.Review, " ", Timeout)).Rule;

        Assert.Equal(new DisallowRule("adult themes", MatchMode.Phrase, RuleAction.Review, DisallowRule.ServerRulesCategory), rule);
    }

    [Fact]
    public void Compile_RuleThatNoLongerValidates_IsReportedNotUsed()
    {
        var set = ModerationRuleSet.Compile([new DisallowRule("[", MatchMode.Regex, RuleAction.Block, "x"), new DisallowRule("fox", MatchMode.Word, RuleAction.Block, "x")], Timeout, out var unusable);

        Assert.Single(set.Rules);
        Assert.Equal("[", Assert.Single(unusable).Term);
    }
}
