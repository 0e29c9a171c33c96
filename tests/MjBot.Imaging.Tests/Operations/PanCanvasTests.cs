namespace MjBot.Imaging.Tests.Operations;

public sealed class PanCanvasTests
{
    [Theory]
    [InlineData("left", 60, 20, 20, 0)]
    [InlineData("right", 60, 20, 0, 0)]
    [InlineData("up", 40, 30, 0, 10)]
    [InlineData("down", 40, 30, 0, 0)]
    public void PanCanvas_EachDirection_GrowsByHalfThatWayWithTheSourceUnchanged(string direction, int width, int height, int x, int y)
    {
        var source = TestImages.Noise(40, 20, seed: 2, transparent: false);

        var canvas = OutpaintLayout.PanCanvas(source, direction);

        Assert.Equal((width, height), (canvas.Width, canvas.Height));
        Assert.Equal(source.Pixels, ImageOperations.Crop(canvas, x, y, 40, 20).Pixels);
        var opaque = 0;
        for (var i = 3; i < canvas.Pixels.Length; i += 4)
        {
            opaque += canvas.Pixels[i] == 255 ? 1 : 0;
        }

        Assert.Equal(40 * 20, opaque);
    }

    [Fact]
    public void PanCanvas_UnknownDirection_ArgumentException() =>
        Assert.Throws<ArgumentException>(() => OutpaintLayout.PanCanvas(TestImages.Gradient(4, 4), "sideways"));

    [Fact]
    public void Restore_PaintedAtAnotherSize_CanvasSizeAndTheOriginalPixelsExact()
    {
        var source = TestImages.Noise(40, 20, seed: 4, transparent: false);
        var canvas = OutpaintLayout.PanCanvas(source, "left");
        var painted = TestImages.Solid(30, 10, 9, 9, 9);

        var restored = OutpaintLayout.Restore(painted, canvas);

        Assert.Equal((60, 20), (restored.Width, restored.Height));
        Assert.Equal(source.Pixels, ImageOperations.Crop(restored, 20, 0, 40, 20).Pixels);
        Assert.Equal([9, 9, 9, 255], restored.Pixels.AsSpan(0, 4).ToArray());
    }
}
