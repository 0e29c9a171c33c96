using MjBot.Core.Prompting.Emphasis;

namespace MjBot.Core.Tests.Prompting;

public sealed class PromptEmphasisTests
{
    private static (string, double)[] Runs(string text) => [.. PromptEmphasis.Parse(text).Select(static s => (s.Text, Math.Round(s.Weight, 6)))];

    [Fact]
    public void Parse_RoundBrackets_TimesOnePointOne() =>
        Assert.Equal([("a ", 1.0), ("cat", 1.1), (" dog", 1.0)], Runs("a (cat) dog"));

    [Fact]
    public void Parse_ExplicitWeight_SetsIt() =>
        Assert.Equal([("masterpiece", 1.3), (", best quality", 1.0)], Runs("(masterpiece:1.3), best quality"));

    [Fact]
    public void Parse_SquareBrackets_DividesByOnePointOne() =>
        Assert.Equal([("a ", 1.0), ("cat", Math.Round(1 / 1.1, 6))], Runs("a [cat]"));

    [Fact]
    public void Parse_Nesting_Multiplies()
    {
        Assert.Equal([("cat", 1.21)], Runs("((cat))"));
        Assert.Equal([("a ", 1.1), ("b", 1.65), (" c", 1.1)], Runs("(a (b:1.5) c)"));
    }

    [Fact]
    public void Parse_EscapedBrackets_AreLiteralCharacters() =>
        Assert.Equal([(@"(not) [weighted] \", 1.0)], Runs(@"\(not\) \[weighted\] \\"));

    [Fact]
    public void Parse_UnmatchedClosingAndStrayWeight_StayLiteral() =>
        Assert.Equal([("a) b] c:1.3)", 1.0)], Runs("a) b] c:1.3)"));

    [Fact]
    public void Parse_UnclosedBracket_AppliesToTheRest() =>
        Assert.Equal([("x ", 1.0), ("a b", 1.1)], Runs("x (a b"));

    [Fact]
    public void Parse_ColonWithoutNumber_IsText() =>
        Assert.Equal([("cat:abc", 1.1)], Runs("(cat:abc)"));

    [Fact]
    public void Parse_WeightWithSpaces_Accepted() =>
        Assert.Equal([("fox ", 0.5)], Runs("(fox : 0.5 )"));

    [Fact]
    public void Parse_Empty_OneEmptyRun() =>
        Assert.Equal([(string.Empty, 1.0)], Runs(string.Empty));

    [Fact]
    public void Plain_Emphasised_TheWordsOnly() =>
        Assert.Equal("masterpiece, a small (red) fox", PromptEmphasis.Plain(@"(masterpiece:1.3), a [small] \(red\) fox"));

    [Fact]
    public void Plain_NoSyntax_TheSameString()
    {
        const string text = "a red fox in snow, 35mm";
        Assert.Same(text, PromptEmphasis.Plain(text));
        Assert.False(PromptEmphasis.Uses(text));
    }
}
