using MjBot.Backends.Onnx.Tokenization;

namespace MjBot.Backends.Onnx.Tests;

public sealed class ClipTextCleanerTests
{
    [Theory]
    [InlineData("cafÃ©", "café")]
    [InlineData("donâ€™t", "don’t")]
    [InlineData("naïve", "naïve")]
    [InlineData("Ørsted façade", "Ørsted façade")]
    [InlineData("plain ascii", "plain ascii")]
    [InlineData("ÃÃ", "ÃÃ")]
    public void FixMojibake_Text_RepairsOnlyUtf8ReadAsWindows1252(string text, string expected) =>
        Assert.Equal(expected, ClipTextCleaner.FixMojibake(text));

    [Fact]
    public void Clean_Everything_UnescapesCollapsesAndLowerCases() =>
        Assert.Equal("a café & \"bar\"", ClipTextCleaner.Clean("  A  CafÃ©\n&amp; &quot;Bar&quot; "));
}
