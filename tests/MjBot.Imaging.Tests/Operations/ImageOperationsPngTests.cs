using MjBot.Imaging.Png;

namespace MjBot.Imaging.Tests.Operations;

public sealed class ImageOperationsPngTests
{
    private static byte[] Solid(byte red, int width = 8, int height = 6)
    {
        var image = new RgbaImage(width, height);
        for (var i = 0; i < image.Pixels.Length; i += 4)
        {
            image.Pixels[i] = red;
            image.Pixels[i + 3] = 255;
        }

        return PngEncoder.Encode(image);
    }

    [Fact]
    public void GridPng_FourImages_EachInItsQuarter()
    {
        var grid = ImageOperations.DecodePng(ImageOperations.GridPng([Solid(10), Solid(20), Solid(30), Solid(40)]));

        Assert.Equal((16, 12), (grid.Width, grid.Height));
        Assert.Equal(10, grid.Row(0)[0]);
        Assert.Equal(20, grid.Row(0)[8 * 4]);
        Assert.Equal(30, grid.Row(6)[0]);
        Assert.Equal(40, grid.Row(11)[15 * 4]);
    }

    [Fact]
    public void UpscaleTwicePng_SolidImage_TwiceTheSizeSameColour()
    {
        var upscaled = ImageOperations.DecodePng(ImageOperations.UpscaleTwicePng(Solid(200)));

        Assert.Equal((16, 12), (upscaled.Width, upscaled.Height));
        Assert.Equal(200, upscaled.Row(5)[7 * 4]);
    }

    [Fact]
    public void GridPng_OneUnreadable_InvalidDataNamingTheProblem()
    {
        var error = Assert.Throws<InvalidDataException>(() => ImageOperations.GridPng([Solid(10), Solid(20), "not a png"u8.ToArray(), Solid(40)]));

        Assert.Contains("PNG signature", error.Message, StringComparison.Ordinal);
    }
}
