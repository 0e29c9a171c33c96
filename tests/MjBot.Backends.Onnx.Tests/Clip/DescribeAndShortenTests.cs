using Microsoft.Extensions.Logging.Abstractions;
using MjBot.Backends.Onnx.Clip;
using MjBot.Core.Generation;
using MjBot.Imaging.Png;
using MjBot.Testing;

namespace MjBot.Backends.Onnx.Tests.Clip;

/// <summary>Core's describe and shorten services on the tiny CLIP towers, whose embeddings are colours ("red", "snow"
/// white, "fox" orange, "cat" grey; other words nothing).</summary>
public sealed class DescribeAndShortenTests : IDisposable
{
    private readonly OnnxClipEncoder _clip = new(new ClipOptions { Model = OnnxTestAssets.Model("tiny-clip"), ExecutionProvider = "cpu" }, NullLogger<OnnxClipEncoder>.Instance);

    [Fact]
    public async Task DescribeAsync_RedImage_EachCategorysBestPhrasesFirst()
    {
        var vocabulary = new DescriptionVocabulary(new Dictionary<string, IReadOnlyList<string>>
        {
            ["colour"] = ["snow", "red", "the cat"],
            ["animal"] = ["a cat", "a fox"],
        });

        var described = await new ImageDescriber(_clip).DescribeAsync(PngEncoder.Encode(SolidImages.Of(120, 90, 255, 0, 0)), vocabulary, 2, CancellationToken.None);

        Assert.Equal(["colour", "animal"], described.Select(static d => d.Category));
        Assert.Equal(["red", "the cat"], described[0].Phrases.Select(static p => p.Phrase)); // grey is nearer red than white is
        Assert.Equal(100, described[0].Phrases[0].Score, 1);
        Assert.Equal(["a fox", "a cat"], described[1].Phrases.Select(static p => p.Phrase));
    }

    [Fact]
    public async Task ShortenAsync_PhraseTheEncoderIgnores_LeftOutOthersKeptInOrder()
    {
        var shortener = new PromptShortener(_clip);

        var weighed = await shortener.WeighAsync("red fox, the, snow", CancellationToken.None);
        var shortened = await shortener.ShortenAsync("red fox, the, snow", 2, CancellationToken.None);

        Assert.Equal(0, weighed[1].Score, 6);
        Assert.Equal(1, weighed.Sum(static w => w.Score), 6);
        Assert.Equal("red fox, snow", shortened);
    }

    [Fact]
    public void Default_Vocabulary_FiveCategoriesNoArtistNames()
    {
        Assert.Equal(["medium", "movement", "lighting", "framing", "subject"], DescriptionVocabulary.Default.Categories.Keys);
        Assert.DoesNotContain(DescriptionVocabulary.Default.Categories.Values.SelectMany(static v => v), static p => p.Contains(" by ", StringComparison.Ordinal));
    }

    public void Dispose() => _clip.Dispose();
}
