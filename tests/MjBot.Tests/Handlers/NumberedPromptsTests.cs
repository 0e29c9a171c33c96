using MjBot.Handlers;
using MjBot.Rendering;

namespace MjBot.Tests.Handlers;

public sealed class NumberedPromptsTests
{
    [Fact]
    public void Find_LineOfThatNumber_ThePromptAsWritten()
    {
        var content = string.Join("\n\n", NumberedPrompts.Line(1, "a fox, snow --ar 3:2"), NumberedPrompts.Line(2, "**bold** 1\uFE0F\u20E3 inside")) + "\n-# Described by CLIP";

        Assert.Equal("a fox, snow --ar 3:2", NumberedPrompts.Find(content, 1));
        Assert.Equal("**bold** 1\uFE0F\u20E3 inside", NumberedPrompts.Find(content, 2));
        Assert.Null(NumberedPrompts.Find(content, 3));
        Assert.Null(NumberedPrompts.Find(null, 1));
    }

    [Fact]
    public void Buttons_Count_OneKeycapEachThenTheExtras()
    {
        var row = NumberedPrompts.Buttons("shorten", 3);

        Assert.Equal(["shorten:1", "shorten:2", "shorten:3"], row.Components!.Select(static c => c.CustomId));
        Assert.Equal("3\uFE0F\u20E3", row.Components![2].Emoji!.Name);
    }

    [Theory]
    [InlineData(null, "https://a.test/1.png https://a.test/2.png --ar 1:1")]
    [InlineData("portrait", "https://a.test/1.png https://a.test/2.png --ar 2:3")]
    [InlineData("landscape", "https://a.test/1.png https://a.test/2.png --ar 3:2")]
    public void BlendPrompt_Dimensions_TheLinksAndTheShape(string? dimensions, string expected)
    {
        Assert.Equal(expected, BlendCommand.PromptOf(["https://a.test/1.png", "https://a.test/2.png"], dimensions));
    }
}
