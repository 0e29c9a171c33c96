using MjBot.Backends.Onnx.Translation;

namespace MjBot.Backends.Onnx.Tests.Translation;

public sealed class TranslatableSpansTests
{
    [Theory]
    [InlineData("빨간 여우", "[빨간 여우]")]
    [InlineData("(빨간 여우:1.3), 눈 숲, 4k", "([빨간 여우]:1.3), [눈 숲], 4k")]
    [InlineData("a photo of 고양이, [바다]", "[a photo of 고양이], [[바다]]")] // a mixed phrase goes whole: the model reads its English
    [InlineData("  빨간 여우 ,눈", "  [빨간 여우] ,[눈]")]
    [InlineData("여우。바다、숲", "[여우]。[바다]、[숲]")]
    [InlineData("a red fox, 4k", "a red fox, 4k")]
    public void Apply_Prompt_OnlyForeignPhrasesSentSyntaxKept(string prompt, string expected) =>
        Assert.Equal(expected, TranslatableSpans.Apply(prompt, static phrase => $"[{phrase}]"));
}
