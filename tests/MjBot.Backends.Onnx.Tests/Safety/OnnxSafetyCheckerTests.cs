using Microsoft.Extensions.Logging.Abstractions;
using MjBot.Backends.Onnx.Safety;
using MjBot.Backends.Onnx.Tests.Upscaling;
using MjBot.Core.Generation;
using MjBot.Imaging;
using MjBot.Imaging.Png;
using MjBot.Testing;

namespace MjBot.Backends.Onnx.Tests.Safety;

/// <summary>The tiny safety checker (tests/models/tiny-safety-checker, eng/make-tiny-safety-checker.py) flags strongly
/// red images, judged in both of its inputs.</summary>
public sealed class OnnxSafetyCheckerTests
{
    private static OnnxSafetyChecker Checker(string model) =>
        new(new SafetyCheckerOptions { Model = model, ExecutionProvider = "cpu" }, NullLogger<OnnxSafetyChecker>.Instance);

    [Fact]
    public async Task FlaggedAsync_RedAndOrdinaryImages_EachJudged()
    {
        using var checker = Checker(OnnxTestAssets.Model("tiny-safety-checker"));

        var flags = await checker.FlaggedAsync([Png(SolidImages.Of(96, 64, 230, 20, 20)), Png(TiledUpscaleTests.Gradient(300, 200)), Png(SolidImages.Of(512, 512, 240, 10, 30))], CancellationToken.None);

        Assert.Equal([true, false, true], flags);
    }

    [Fact]
    public void ClipImageInput_RedImage_ShorterSideTo224CentreCroppedNormalised()
    {
        var values = ClipImageInput.From(SolidImages.Of(448, 300, 255, 0, 0));

        Assert.Equal(3 * 224 * 224, values.Length);
        Assert.Equal((1f - 0.48145466f) / 0.26862954f, values[0], 3);
        Assert.Equal((0f - 0.4578275f) / 0.26130258f, values[224 * 224], 3);
    }

    [Fact]
    public async Task FlaggedAsync_NotASafetyChecker_RefusedNotRetryable()
    {
        using var checker = Checker(OnnxTestAssets.Model("tiny-esrgan-x4"));

        var ex = await Assert.ThrowsAsync<GenerationException>(() => checker.FlaggedAsync([Png(SolidImages.Of(8, 8, 0, 0, 0))], CancellationToken.None));

        Assert.False(ex.Retryable);
        Assert.Equal("failure.safety_unopened", ex.Reason.Key);
    }

    [Fact]
    public void Validate_MissingModel_NamedWithTheFix()
    {
        var failures = new SafetyCheckerOptionsValidator().Validate(null, new SafetyCheckerOptions { Model = "/nowhere/safety_checker" }).Failures!;

        Assert.Equal(["SafetyChecker:Model: no model at \"/nowhere/safety_checker\" (name the safety_checker folder of a Stable Diffusion ONNX export, or its model.onnx)."], failures);
        Assert.True(new SafetyCheckerOptionsValidator().Validate(null, new SafetyCheckerOptions()).Succeeded);
    }

    private static byte[] Png(RgbaImage image) => PngEncoder.Encode(image);
}
