using Microsoft.Extensions.Logging.Abstractions;
using MjBot.Backends.Onnx.Clip;
using MjBot.Backends.Onnx.Tests.Upscaling;
using MjBot.Core.Generation;
using MjBot.Imaging.Png;
using MjBot.Testing;

namespace MjBot.Backends.Onnx.Tests.Clip;

/// <summary>The tiny CLIP towers (tests/models/tiny-clip, eng/make-tiny-clip.py) embed words and images as colours,
/// so the scores are known: a red image is a perfect match for "red" and a poorer one for "snow".</summary>
public sealed class OnnxClipEncoderTests
{
    private static OnnxClipEncoder Encoder(string folder) => new(new ClipOptions { Model = folder, ExecutionProvider = "cpu" }, NullLogger<OnnxClipEncoder>.Instance);

    [Theory]
    [InlineData("red", 100.0)]
    [InlineData("a photo of red", 100.0)] // words the model gives nothing add nothing
    [InlineData("snow", 57.7)] // cos([1, 0, 0], [1, 1, 1]) = 1/√3
    [InlineData("the", 0.0)] // no embedding at all
    public async Task Scores_RedImageAgainstPrompts_TheCosineTimes100(string prompt, double expected)
    {
        using var encoder = Encoder(OnnxTestAssets.Model("tiny-clip"));

        var text = (await encoder.EmbedTextsAsync([prompt], CancellationToken.None))[0];
        var image = (await encoder.EmbedImagesAsync([PngEncoder.Encode(SolidImages.Of(300, 200, 255, 0, 0))], CancellationToken.None))[0];

        Assert.Equal(expected, ClipScore.Of(text, image), 1);
    }

    [Fact]
    public async Task EmbedImagesAsync_SeveralImages_OneEmbeddingEachInOrder()
    {
        using var encoder = Encoder(OnnxTestAssets.Model("tiny-clip"));

        var embedded = await encoder.EmbedImagesAsync([PngEncoder.Encode(SolidImages.Of(64, 64, 0, 0, 255)), PngEncoder.Encode(TiledUpscaleTests.Gradient(80, 40))], CancellationToken.None);

        Assert.Equal(2, embedded.Count);
        Assert.Equal(1.0f, embedded[0][2], 2);
        Assert.Equal(0.0f, embedded[0][0], 2);
    }

    [Fact]
    public async Task EmbedTextsAsync_NotAClipFolder_RefusedNotRetryable()
    {
        using var encoder = Encoder(OnnxTestAssets.Model("tiny-safety-checker"));

        var ex = await Assert.ThrowsAsync<GenerationException>(() => encoder.EmbedTextsAsync(["red"], CancellationToken.None));

        Assert.Equal("failure.clip_unopened", ex.Reason.Key);
        Assert.False(ex.Retryable);
    }

    [Fact]
    public void Validate_FolderWithoutTowers_NamesWhatIsMissing()
    {
        var failures = new ClipOptionsValidator().Validate(null, new ClipOptions { Model = OnnxTestAssets.Model("tiny-safety-checker") }).Failures!;

        Assert.StartsWith($"Clip:Model ({OnnxTestAssets.Model("tiny-safety-checker")}) lacks text_model.onnx, vision_model.onnx, vocab.json, merges.txt", Assert.Single(failures), StringComparison.Ordinal);
    }
}
