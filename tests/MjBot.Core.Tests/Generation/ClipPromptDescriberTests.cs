using System.Text;
using MjBot.Core.Generation;
using MjBot.Core.Tests.Fakes;

namespace MjBot.Core.Tests.Generation;

public sealed class ClipPromptDescriberTests
{
    [Fact]
    public async Task DescribeAsync_FirstRound_BestPhraseOfEachCategorySubjectFirst()
    {
        var describer = new ClipPromptDescriber(new WordClip("landscape", "watercolour", "moonlight", "aerial", "cubism"));

        var prompts = await describer.DescribeAsync(Encoding.UTF8.GetBytes("landscape watercolour moonlight aerial cubism"), 4, 0, CancellationToken.None);

        Assert.Equal(4, prompts.Count);
        Assert.Equal("a landscape, a watercolour painting, cubism, moonlight, an aerial view", prompts[0]);
        Assert.Equal(4, prompts.Distinct().Count());
    }

    [Fact]
    public async Task DescribeAsync_NextRound_FourOtherPrompts()
    {
        var describer = new ClipPromptDescriber(new WordClip("landscape", "watercolour"));
        var image = Encoding.UTF8.GetBytes("landscape watercolour");

        var first = await describer.DescribeAsync(image, 4, 0, CancellationToken.None);
        var second = await describer.DescribeAsync(image, 4, 1, CancellationToken.None);

        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public void Rounds_FourPromptsEach_AsManyAsTheShortestCategoryHolds()
    {
        // The framing list has 9 phrases: two rounds of four differ in every prompt; a third would repeat the first.
        Assert.Equal(2, new ClipPromptDescriber(new WordClip("fox")).Rounds(4));
    }
}
