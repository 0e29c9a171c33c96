using MjBot.Backends.Onnx.Pipeline;
using MjBot.Backends.Onnx.Schedulers;
using MjBot.Core.Prompting;
using MjBot.Imaging;
using MjBot.Imaging.Png;
using MjBot.Backends.Onnx.Runtime;

namespace MjBot.Backends.Onnx.Tests;

public sealed class DiffusionPipelineTests
{
    private static DiffusionJob Job(long seed = 42, string prompt = "a photo of a cat", int count = 4) => new()
    {
        Width = 64,
        Height = 64,
        Steps = 6,
        Sampler = SamplerKind.EulerAncestral,
        Prompts = [.. Enumerable.Repeat<IReadOnlyList<PromptSegment>>([new PromptSegment(prompt, 1)], count)],
        Seeds = [.. Enumerable.Range(0, count).Select(i => seed + i)],
        Guidance = [.. Enumerable.Repeat(7.5, count)],
        Negative = "blurry",
    };

    private static byte[][] Pngs(DiffusionOutput output) => [.. output.Images.Select(static i => PngEncoder.Encode(i))];

    [Fact]
    public void Run_Grid_FourImagesOfTheAskedSize()
    {
        var output = new DiffusionPipeline(TinyModels.Sd).Run(Job() with { Width = 128, Height = 64 }, null, default);
        Assert.Equal(4, output.Images.Count);
        Assert.All(output.Images, static i => Assert.Equal((128, 64), (i.Width, i.Height)));
        Assert.Equal(4, output.Images.Select(static i => Convert.ToHexString(i.Pixels)).Distinct().Count());
    }

    [Fact]
    public void Run_SameSeedTwice_IdenticalPngBytes()
    {
        var pipeline = new DiffusionPipeline(TinyModels.Sd);
        Assert.Equal(Pngs(pipeline.Run(Job(), null, default)), Pngs(pipeline.Run(Job(), null, default)));
    }

    [Fact]
    public void Run_DifferentSeedOrPrompt_DifferentImages()
    {
        var pipeline = new DiffusionPipeline(TinyModels.Sd);
        var first = Pngs(pipeline.Run(Job(), null, default))[0];
        Assert.NotEqual(first, Pngs(pipeline.Run(Job(seed: 43), null, default))[0]);
        Assert.NotEqual(first, Pngs(pipeline.Run(Job(prompt: "a red fox in snow"), null, default))[0]);
    }

    [Fact]
    public void Run_ImageAlone_SameAsInTheGrid()
    {
        // Image i has its own generator (seed + i): made alone it is the grid's image i.
        var pipeline = new DiffusionPipeline(TinyModels.Sd);
        var grid = pipeline.Run(Job(), null, default);
        var alone = pipeline.Run(Job(seed: 44, count: 1), null, default);
        AssertClose(grid.Images[2], alone.Images[0]);
    }

    [Fact]
    public void Run_SequentialBatches_SameImagesAsOneBatch()
    {
        var pipeline = new DiffusionPipeline(TinyModels.Sd);
        var together = pipeline.Run(Job(), null, default);
        var oneByOne = pipeline.Run(Job() with { BatchSize = 1 }, null, default);
        for (var i = 0; i < 4; i++)
        {
            AssertClose(together.Images[i], oneByOne.Images[i]);
        }
    }

    [Fact]
    public void Predict_GuidanceBatch_UnconditionalFirstThenConditional()
    {
        var model = TinyModels.Sd;
        var scheduler = SchedulerFactory.Create(SamplerKind.Euler, new NoiseSchedule(), 6, TimestepSpacing.Linspace);
        var text = TextEmbedder.Encode(model, [[new PromptSegment("blurry", 1)], [new PromptSegment("a cat", 1)]], default);
        var latents = new float[4 * 8 * 8];
        new GaussianNoise(5).Fill(latents);
        using var guidedRun = new UnetRun(model, text, 0, 1, 8, 8, [3.0], guidanceBatch: true, null);
        var guided = guidedRun.Predict(scheduler, 2, latents, default);

        float[] Alone(float[] embedding)
        {
            using var run = new UnetRun(model, text with { Hidden = [text.Hidden[0], embedding] }, 0, 1, 8, 8, [1.0], guidanceBatch: false, null);
            return run.Predict(scheduler, 2, latents, default);
        }

        var u = Alone(text.Hidden[0]);
        var c = Alone(text.Hidden[1]);
        for (var j = 0; j < guided.Length; j++)
        {
            Assert.InRange(guided[j] - (u[j] + (3f * (c[j] - u[j]))), -1e-4f, 1e-4f);
        }

        Assert.NotEqual(u, c);
    }

    [Fact]
    public void Run_CancelledAfterTwoSteps_StopsBetweenSteps()
    {
        using var cancel = new CancellationTokenSource();
        var steps = 0;
        Assert.Throws<OperationCanceledException>(() => new DiffusionPipeline(TinyModels.Sd).Run(Job(), (_, _) =>
        {
            if (++steps == 2)
            {
                cancel.Cancel();
            }
        }, cancel.Token));
        Assert.Equal(2, steps);
    }

    [Fact]
    public void Run_Progress_RisesWithPreviewsOfTheGrid()
    {
        var reports = new List<(int Percent, byte[]? Preview)>();
        new DiffusionPipeline(TinyModels.Sd).Run(Job(), (p, preview) => reports.Add((p, preview)), default);
        Assert.Equal(6, reports.Count);
        Assert.Equal(reports.Select(static r => r.Percent).Order(), reports.Select(static r => r.Percent));
        var preview = reports.Last(static r => r.Preview is not null).Preview!;
        var decoded = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(preview));
        Assert.Equal((16, 16), (decoded.Image.Pixels.Width, decoded.Image.Pixels.Height));
    }

    [Fact]
    public void Run_StopAt50Percent_RunsHalfTheSteps()
    {
        var steps = 0;
        var output = new DiffusionPipeline(TinyModels.Sd).Run(Job() with { StopAfter = 3 }, (_, _) => steps++, default);
        Assert.Equal(3, steps);
        Assert.Equal(4, output.Images.Count);
    }

    [Fact]
    public void Run_ImageToImage_StartsPartWayAndDependsOnTheSource()
    {
        var pipeline = new DiffusionPipeline(TinyModels.Sd);
        var steps = 0;
        var fromRed = pipeline.Run(Job() with { Source = Solid(200, 30, 30), Strength = 0.5 }, (_, _) => steps++, default);
        Assert.Equal(3, steps);
        var fromBlue = pipeline.Run(Job() with { Source = Solid(30, 30, 200), Strength = 0.5 }, null, default);
        Assert.NotEqual(Pngs(fromRed)[0], Pngs(fromBlue)[0]);
        Assert.Equal(Pngs(fromRed), Pngs(pipeline.Run(Job() with { Source = Solid(200, 30, 30), Strength = 0.5 }, null, default)));
    }

    [Theory]
    [InlineData(SamplerKind.Euler)]
    [InlineData(SamplerKind.Lms)]
    [InlineData(SamplerKind.DpmPlusPlus2MKarras)]
    [InlineData(SamplerKind.Lcm)]
    public void Run_EverySampler_MakesTheGrid(SamplerKind sampler)
    {
        var output = new DiffusionPipeline(TinyModels.Sd).Run(Job() with { Sampler = sampler }, null, default);
        Assert.Equal(4, output.Images.Count);
    }

    [Fact]
    public void Run_Fp16Export_Float16AndInt64Inputs()
    {
        Assert.Equal(ElementKind.Float16, TinyModels.SdFp16.Unet.Input("sample")!.Kind);
        var output = new DiffusionPipeline(TinyModels.SdFp16).Run(Job(), null, default);
        Assert.Equal(4, output.Images.Count);
        Assert.Equal(Pngs(output), Pngs(new DiffusionPipeline(TinyModels.SdFp16).Run(Job(), null, default)));
    }

    [Fact]
    public void Run_InpaintingModel_UsesTheMask()
    {
        var pipeline = new DiffusionPipeline(TinyModels.SdInpaint);
        Assert.True(TinyModels.SdInpaint.IsInpainting);
        var source = Solid(200, 30, 30);
        var left = pipeline.Run(Job() with { Source = source, Mask = HalfMask(left: true) }, null, default);
        var right = pipeline.Run(Job() with { Source = source, Mask = HalfMask(left: false) }, null, default);
        Assert.NotEqual(Pngs(left)[0], Pngs(right)[0]);
    }

    [Fact]
    public void Run_LongPrompt_ReportsTheTokenization()
    {
        var output = new DiffusionPipeline(TinyModels.Sd).Run(Job(prompt: string.Join(' ', Enumerable.Repeat("cat", 80)), count: 1), null, default);
        Assert.Equal(2, output.Tokens.Count);
        Assert.True(output.Tokens[1].Truncated);
        Assert.False(output.Tokens[0].Truncated);
    }

    private static RgbaImage Solid(byte r, byte g, byte b)
    {
        var image = new RgbaImage(64, 64);
        for (var i = 0; i < image.Pixels.Length; i += 4)
        {
            (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2], image.Pixels[i + 3]) = (r, g, b, 255);
        }

        return image;
    }

    private static RgbaImage HalfMask(bool left)
    {
        var mask = new RgbaImage(64, 64);
        for (var y = 0; y < 64; y++)
        {
            for (var x = 0; x < 64; x++)
            {
                var paint = (x < 32) == left;
                var o = ((y * 64) + x) * 4;
                mask.Pixels[o] = mask.Pixels[o + 1] = mask.Pixels[o + 2] = paint ? (byte)255 : (byte)0;
                mask.Pixels[o + 3] = 255;
            }
        }

        return mask;
    }

    private static void AssertClose(RgbaImage expected, RgbaImage actual)
    {
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        for (var i = 0; i < expected.Pixels.Length; i++)
        {
            Assert.InRange(actual.Pixels[i] - expected.Pixels[i], -1, 1);
        }
    }
}
