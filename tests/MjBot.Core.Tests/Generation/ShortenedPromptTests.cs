using MjBot.Core.Generation;
using MjBot.Core.Tests.Fakes;

namespace MjBot.Core.Tests.Generation;

public sealed class ShortenedPromptTests
{
    private readonly WordClip _clip = new("fox", "snow", "dawn", "red");

    [Fact]
    public async Task OfAsync_PhraseTheEncoderIgnores_NotCarriedAndLeftOutFirst()
    {
        var shortened = await ShortenedPrompt.OfAsync(_clip, "a red fox, with the, in deep snow, at dawn", CancellationToken.None);

        Assert.Equal(["a red fox", "with the", "in deep snow", "at dawn"], shortened.Parts.Select(static p => p.Phrase));
        Assert.Equal(", ", shortened.Separator);
        Assert.False(shortened.Carries(shortened.Parts[1]));
        Assert.True(shortened.Carries(shortened.Parts[0]));
        Assert.Equal(1, shortened.Parts.Sum(static p => p.Score), 6);
        // 4 parts keep 3, 3, 2, 1, 1 → three distinct prompts, in the prompt's order, "with the" gone from all.
        Assert.Equal(3, shortened.Shorter.Count);
        Assert.All(shortened.Shorter, static s => Assert.DoesNotContain("with the", s, StringComparison.Ordinal));
        Assert.Equal("a red fox", shortened.Shorter[^1]);
    }

    [Fact]
    public async Task OfAsync_FewerThanThreePhrases_WeighedWordByWord()
    {
        var shortened = await ShortenedPrompt.OfAsync(_clip, "the fox sleeps in snow", CancellationToken.None);

        Assert.Equal(" ", shortened.Separator);
        Assert.Equal(["the", "fox", "sleeps", "in", "snow"], shortened.Parts.Select(static p => p.Phrase));
        Assert.Equal("fox snow", shortened.Shorter[^2]);
        Assert.All(shortened.Shorter, static s => Assert.Contains("fox", s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OfAsync_OneWord_NothingShorter()
    {
        var shortened = await ShortenedPrompt.OfAsync(_clip, "fox", CancellationToken.None);

        Assert.Empty(shortened.Shorter);
    }
}
