using MjBot.Core.Moderation;

namespace MjBot.Core.Tests.Moderation;

public sealed class MetapromptTests
{
    [Fact]
    public void For_NoCustomText_DefaultPreambleListsBlockingWordsOnly()
    {
        DisallowRule[] rules =
        [
            new("gore", MatchMode.Word, RuleAction.Block, "v"),
            new("adult themes", MatchMode.Phrase, RuleAction.Block, "a"),
            new("clowns", MatchMode.Word, RuleAction.Review, "c"),
            new("x+y", MatchMode.Regex, RuleAction.Block, "r"),
        ];

        var text = Metaprompt.For(null, rules);

        Assert.StartsWith("The image needs to be safe for work and appropriate for children.", text, StringComparison.Ordinal);
        Assert.EndsWith("not safe for work or appropriate for children: gore, adult themes.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void For_CustomText_ReplacesTheDefault()
    {
        Assert.Equal("Watercolour only.", Metaprompt.For("  Watercolour only. ", DefaultDisallowList.Rules));
    }
}
