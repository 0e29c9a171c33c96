using MjBot.Backends.Onnx.Upscaling;
using MjBot.Imaging;
using MjBot.Testing;

namespace MjBot.Backends.Onnx.Tests.Upscaling;

/// <summary>Tiling with the tiny 2× model (a bilinear resize and a 3×3 sharpening convolution, which reads its
/// neighbours): the tiled result must match the whole-image run, so no step shows where tiles meet.</summary>
public sealed class TiledUpscaleTests
{
    private static readonly Lazy<SuperResolutionModel> X2 = new(() => SuperResolutionModel.Open(OnnxTestAssets.Model("tiny-esrgan-x2.onnx"), TinyModels.Cpu));

    [Theory]
    [InlineData(64, 64, 16, "0")]
    [InlineData(100, 64, 16, "0,36")]
    [InlineData(200, 64, 16, "0,48,96,136")]
    [InlineData(40, 64, 16, "0")]
    public void Starts_OneSide_StepOfTileLessOverlapLastFlushWithTheEnd(int size, int tile, int overlap, string expected) =>
        Assert.Equal(expected, string.Join(',', TiledUpscale.Starts(size, tile, overlap)));

    [Fact]
    public void Run_SmoothGradientInOverlappingTiles_SameAsOneRunNoStepAtTheBorders()
    {
        var gradient = Gradient(150, 100);

        var whole = Upscale(gradient, tile: 1024, overlap: 0);
        var tiled = Upscale(gradient, tile: 48, overlap: 12);

        Assert.Equal((300, 200), (tiled.Width, tiled.Height));
        Assert.True(MaxDifference(whole, tiled) <= 1, $"tiles differ from the whole by {MaxDifference(whole, tiled)} levels");
    }

    [Fact]
    public void Run_TilesWithoutOverlap_TheSeamsShow()
    {
        // The control for the test above: without overlap the tiles' borders differ from the whole-image run.
        var gradient = Gradient(150, 100);

        Assert.True(MaxDifference(Upscale(gradient, tile: 1024, overlap: 0), Upscale(gradient, tile: 48, overlap: 0)) > 1);
    }

    [Fact]
    public void Run_TranslucentImage_AlphaResizedNotLost()
    {
        var image = Gradient(40, 30);
        for (var i = 3; i < image.Pixels.Length; i += 4)
        {
            image.Pixels[i] = 128;
        }

        var big = Upscale(image, tile: 32, overlap: 8);

        Assert.All(Enumerable.Range(0, big.Width * big.Height), i => Assert.Equal(128, big.Pixels[(i * 4) + 3]));
    }

    [Fact]
    public void Run_ModelAnswersTheWrongSize_RefusedSayingSo()
    {
        var ex = Assert.Throws<InvalidDataException>(() => TiledUpscale.Run(Gradient(20, 20), 2, 32, 8, static (_, _, _) => new float[5], CancellationToken.None));

        Assert.Equal("the upscaler answered a 20×20 tile with 5 values, not 4800", ex.Message);
    }

    internal static RgbaImage Gradient(int width, int height)
    {
        var image = new RgbaImage(width, height);
        for (var y = 0; y < height; y++)
        {
            var row = image.Row(y);
            for (var x = 0; x < width; x++)
            {
                row[x * 4] = (byte)(40 + (x * 170 / width));
                row[(x * 4) + 1] = (byte)(30 + (y * 190 / height));
                row[(x * 4) + 2] = (byte)(200 - ((x + y) * 150 / (width + height)));
                row[(x * 4) + 3] = 255;
            }
        }

        return image;
    }

    private static RgbaImage Upscale(RgbaImage image, int tile, int overlap) =>
        TiledUpscale.Run(image, X2.Value.Scale, tile, overlap, (planar, w, h) => X2.Value.Run(planar, w, h, CancellationToken.None).Values, CancellationToken.None);

    private static int MaxDifference(RgbaImage a, RgbaImage b) => a.Pixels.Zip(b.Pixels, static (x, y) => Math.Abs(x - y)).Max();
}
