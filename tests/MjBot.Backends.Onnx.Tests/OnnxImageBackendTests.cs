using Microsoft.Extensions.Logging.Abstractions;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Prompting;
using MjBot.Imaging;
using MjBot.Imaging.Png;
using MjBot.Testing;

namespace MjBot.Backends.Onnx.Tests;

public sealed class OnnxImageBackendTests : IDisposable
{
    private readonly OnnxImageBackend _backend = new(Settings(), NullLogger<OnnxImageBackend>.Instance);

    public void Dispose() => _backend.Dispose();

    private static OnnxBackendOptions Settings() => new()
    {
        ModelFolder = RepositoryPaths.InRoot("tests", "models"),
        DefaultModel = "tiny-sd",
        InpaintModel = "tiny-sd-inpaint",
        ExecutionProvider = "cpu",
    };

    private static GenerationRequest Request(string prompt, JobKind kind = JobKind.Imagine, byte[]? source = null, string? option = null) =>
        new(kind, ((PromptParseResult.Success)PromptParser.Parse(prompt)).Jobs[0], 9, source, option);

    private static RgbaImage Image(byte[] png) => Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(png)).Image.Pixels;

    private static Progress<GenerationProgress> Ignore => new();

    [Fact]
    public void Capabilities_EncoderAndInpaintModel_Everything() =>
        Assert.Equal(BackendCapabilities.Variations | BackendCapabilities.SubtleVariations | BackendCapabilities.Upscale | BackendCapabilities.Outpaint | BackendCapabilities.Previews | BackendCapabilities.EnglishOnly | BackendCapabilities.Unfiltered | BackendCapabilities.ImagePrompts, _backend.Capabilities);

    [Fact]
    public async Task GenerateAsync_Imagine_FourPngsAndTheNotices()
    {
        var result = await _backend.GenerateAsync(Request("a cat --ar 3:2 --weird 10"), Ignore, default);
        Assert.Equal(4, result.Images.Count);
        Assert.All(result.Images, png => Assert.Equal((64, 64), (Image(png).Width, Image(png).Height)));
        Assert.Contains("--weird: no Stable Diffusion equivalent", result.Notices.Select(static n => n.English));
    }

    [Fact]
    public async Task GenerateAsync_ImagePrompt_StartsFromItAsIwSays()
    {
        var plain = await _backend.GenerateAsync(Request("https://a.test/x.png a cat"), Ignore, default);
        var white = SolidPng.Of(90, 60, 255, 255, 255);
        var withImage = Request("https://a.test/x.png a cat") with { References = [new ReferenceImage(ReferenceRole.ImagePrompt, white)] };
        var keptClosely = Request("https://a.test/x.png a cat --iw 3") with { References = [new ReferenceImage(ReferenceRole.ImagePrompt, white)] };

        var started = await _backend.GenerateAsync(withImage, Ignore, default);
        var close = await _backend.GenerateAsync(keptClosely, Ignore, default);

        Assert.NotEqual(plain.Images[0], started.Images[0]);
        Assert.NotEqual(started.Images[0], close.Images[0]);
        Assert.Contains("Image prompts: the image is the start of image-to-image at your --ar (several are blended)", started.Notices.Select(static n => n.English));
    }

    [Fact]
    public async Task GenerateAsync_SeveralImagePrompts_BlendedNotJustTheFirst()
    {
        var red = new ReferenceImage(ReferenceRole.ImagePrompt, SolidPng.Of(64, 64, 255, 0, 0));
        var blue = new ReferenceImage(ReferenceRole.ImagePrompt, SolidPng.Of(64, 64, 0, 0, 255));
        var prompt = "https://a.test/1.png https://a.test/2.png";

        var first = await _backend.GenerateAsync(Request(prompt) with { References = [red] }, Ignore, default);
        var both = await _backend.GenerateAsync(Request(prompt) with { References = [red, blue] }, Ignore, default);

        Assert.NotEqual(first.Images[0], both.Images[0]);
    }

    [Fact]
    public async Task GenerateAsync_LongPrompt_NoticeNamesTheCutWords()
    {
        var prompt = string.Join(' ', Enumerable.Repeat("cat", 75)) + " wearing a hat";
        var result = await _backend.GenerateAsync(Request(prompt), Ignore, default);
        Assert.Contains("the model reads 75 tokens per prompt part; these words were cut: wearing a hat", result.Notices.Select(static n => n.English));
    }

    [Fact]
    public async Task GenerateAsync_Upscale_RefinesTheHostsEnlargementAtItsSize()
    {
        var source = (await _backend.GenerateAsync(Request("a cat"), Ignore, default)).Images[0];
        var enlarged = ImageOperations.UpscaleTwicePng(source);

        var refined = Assert.Single((await _backend.GenerateAsync(Request("a cat", JobKind.Upscale, enlarged, "creative"), Ignore, default)).Images);

        Assert.Equal((128, 128), (Image(refined).Width, Image(refined).Height));
        Assert.NotEqual(Image(enlarged).Pixels, Image(refined).Pixels);
    }

    [Fact]
    public async Task GenerateAsync_ZoomOut_KeepsTheOriginalInTheMiddle()
    {
        var source = (await _backend.GenerateAsync(Request("a cat"), Ignore, default)).Images[0];
        var zoomed = await _backend.GenerateAsync(Request("a cat", JobKind.ZoomOut, source, "2"), Ignore, default);
        var expected = OutpaintLayout.ZoomOut(Image(source), 64, 64, 2);
        var made = Image(zoomed.Images[0]);
        for (var i = 0; i < expected.Pixels.Length; i += 4)
        {
            if (expected.Pixels[i + 3] >= 128)
            {
                Assert.Equal(expected.Pixels.AsSpan(i, 3).ToArray(), made.Pixels.AsSpan(i, 3).ToArray());
            }
        }
    }

    [Theory]
    [InlineData("left", 96, 64, 32, 0)]
    [InlineData("right", 96, 64, 0, 0)]
    [InlineData("up", 64, 96, 0, 32)]
    [InlineData("down", 64, 96, 0, 0)]
    public async Task GenerateAsync_Pan_GrowsTheCanvasAndKeepsEveryOriginalPixel(string direction, int width, int height, int x, int y)
    {
        var source = (await _backend.GenerateAsync(Request("a cat"), Ignore, default)).Images[0];
        var original = Image(source);

        var panned = await _backend.GenerateAsync(Request("a cat", JobKind.Pan, source, direction), Ignore, default);

        Assert.Equal(4, panned.Images.Count);
        foreach (var png in panned.Images)
        {
            var made = Image(png);
            Assert.Equal((width, height), (made.Width, made.Height));
            Assert.Equal(original.Pixels, ImageOperations.Crop(made, x, y, original.Width, original.Height).Pixels);
        }
    }

    [Fact]
    public async Task GenerateAsync_CancelledDuringTheLoop_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(_ => cancel.Cancel());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _backend.GenerateAsync(Request("a cat --steps 40"), progress, cancel.Token));
        Assert.InRange(progress.Reports, 1, 2);
    }

    [Fact]
    public async Task GenerateAsync_VariationOnAModelWithoutVaeEncoder_FinalErrorNamingIt()
    {
        using var folder = new TempFolder();
        foreach (var part in new[] { "text_encoder", "unet", "vae_decoder", "tokenizer" })
        {
            var from = Path.Combine(OnnxTestAssets.Model("tiny-sd"), part);
            Directory.CreateDirectory(folder.Combine(part));
            foreach (var file in Directory.GetFiles(from))
            {
                File.Copy(file, folder.Combine(part, Path.GetFileName(file)));
            }
        }

        File.Copy(Path.Combine(OnnxTestAssets.Model("tiny-sd"), "mjbot.json"), folder.Combine("mjbot.json"));

        using var backend = new OnnxImageBackend(Settings() with { Models = new Dictionary<string, string> { ["noenc"] = folder.Path } }, NullLogger<OnnxImageBackend>.Instance);
        var source = (await backend.GenerateAsync(Request("a cat"), Ignore, default)).Images[0];
        var ex = await Assert.ThrowsAsync<GenerationException>(() => backend.GenerateAsync(Request("a cat --model noenc", JobKind.Variation, source, "strong"), Ignore, default));
        Assert.False(ex.Retryable);
        Assert.Contains("has no vae_encoder/model.onnx", ex.Message, StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(Action<GenerationProgress> onReport) : IProgress<GenerationProgress>
    {
        private int _reports;

        public int Reports => Volatile.Read(ref _reports);

        public void Report(GenerationProgress value)
        {
            Interlocked.Increment(ref _reports);
            onReport(value);
        }
    }
}
