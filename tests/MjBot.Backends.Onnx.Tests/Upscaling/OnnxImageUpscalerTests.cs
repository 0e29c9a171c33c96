using Microsoft.Extensions.Logging.Abstractions;
using MjBot.Backends.Onnx.Upscaling;
using MjBot.Core.Generation;
using MjBot.Imaging;
using MjBot.Imaging.Png;
using MjBot.Testing;

namespace MjBot.Backends.Onnx.Tests.Upscaling;

public sealed class OnnxImageUpscalerTests
{
    private static OnnxImageUpscaler Upscaler(string path, int tile = 48) =>
        new(new UpscalerOptions { Models = new() { ["esrgan"] = path }, ExecutionProvider = "cpu", TileSize = tile, TileOverlap = 12 }, NullLogger<OnnxImageUpscaler>.Instance);

    [Theory]
    [InlineData("tiny-esrgan-x2.onnx")] // a file
    [InlineData("tiny-esrgan-x4")] // a folder holding model.onnx; 4×, then Lanczos down to 2×
    public async Task UpscaleTwiceAsync_Model_TwiceTheSizeAndTheModelsOwnWork(string model)
    {
        using var upscaler = Upscaler(OnnxTestAssets.Model(model));
        var png = PngEncoder.Encode(TiledUpscaleTests.Gradient(90, 60));

        var big = ImageOperations.DecodePng(await upscaler.UpscaleTwiceAsync(png, CancellationToken.None));
        var lanczos = ImageOperations.DecodePng(ImageOperations.UpscaleTwicePng(png));

        Assert.Equal((180, 120), (big.Width, big.Height));
        // The tiny model tints red up by 0.02 (about 5 levels): a plain resize would not.
        Assert.InRange(MeanRed(big) - MeanRed(lanczos), 3.0, 7.0);
        Assert.Equal("esrgan", upscaler.Name);
    }

    [Fact]
    public async Task UpscaleTwiceAsync_NotASuperResolutionModel_RefusedNotRetryable()
    {
        using var upscaler = Upscaler(Path.Combine(OnnxTestAssets.Model("tiny-opus-mt-ko-en"), "encoder_model.onnx"));

        var ex = await Assert.ThrowsAsync<GenerationException>(() => upscaler.UpscaleTwiceAsync(PngEncoder.Encode(TiledUpscaleTests.Gradient(8, 8)), CancellationToken.None));

        Assert.False(ex.Retryable);
        Assert.Equal("the upscaler esrgan does not open; the server's owner can run mjbot doctor to see why", ex.Message);
    }

    [Fact]
    public async Task UpscaleTwiceAsync_NotAPng_RefusedNotRetryable()
    {
        using var upscaler = Upscaler(OnnxTestAssets.Model("tiny-esrgan-x2.onnx"));

        var ex = await Assert.ThrowsAsync<GenerationException>(() => upscaler.UpscaleTwiceAsync([1, 2, 3], CancellationToken.None));

        Assert.Equal("failure.source_unreadable", ex.Reason.Key);
    }

    [Fact]
    public void Validate_Problems_EachNamedByItsKey()
    {
        var options = new UpscalerOptions
        {
            Models = new() { ["a"] = "/nowhere/model.onnx", ["b"] = OnnxTestAssets.Model("tiny-esrgan-x2.onnx") },
            TileSize = 16,
            TileOverlap = 8,
            ExecutionProvider = "rocm",
        };

        var failures = new UpscalerOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, static f => f.StartsWith("Upscalers:ExecutionProvider is \"rocm\"", StringComparison.Ordinal));
        Assert.Contains(failures, static f => f.StartsWith("Upscalers:TileSize must be between 32 and 2048", StringComparison.Ordinal));
        Assert.Contains(failures, static f => f.StartsWith("Upscalers:Models:a: no model at \"/nowhere/model.onnx\"", StringComparison.Ordinal));
        Assert.Contains("Upscalers:Models names several models: set Upscalers:Default to the one the upscales use.", failures);
        Assert.True(new UpscalerOptionsValidator().Validate(null, options with { TileSize = 64, ExecutionProvider = "cpu", Default = "b", Models = new() { ["b"] = options.Models["b"] } }).Succeeded);
    }

    private static double MeanRed(RgbaImage image) => Enumerable.Range(0, image.Width * image.Height).Average(i => image.Pixels[i * 4]);
}
