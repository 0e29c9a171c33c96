namespace MjBot.Imaging.Tests.Operations;

public sealed class ResamplerTests
{
    [Theory]
    [InlineData(64, 64, 17, 23)]
    [InlineData(10, 10, 40, 25)]
    public void Lanczos3_SolidColour_StaysThatColour(int width, int height, int newWidth, int newHeight)
    {
        var resized = Resampler.Lanczos3(TestImages.Solid(width, height, 200, 100, 50), newWidth, newHeight);

        Assert.Equal((newWidth, newHeight), (resized.Width, resized.Height));
        Assert.All(resized.Pixels.Chunk(4), p => Assert.Equal([200, 100, 50, 255], p));
    }

    [Fact]
    public void Lanczos3_HalvingAFineCheckerboard_GivesItsAverage()
    {
        var checker = new RgbaImage(64, 64);
        for (var i = 0; i < 64 * 64; i++)
        {
            var on = ((i % 64) + (i / 64)) % 2 == 0;
            checker.Pixels.AsSpan(i * 4, 4).Fill(on ? (byte)255 : (byte)0);
            checker.Pixels[(i * 4) + 3] = 255;
        }

        var half = Resampler.Lanczos3(checker, 32, 32);

        // Away from the borders every output pixel averages two black and two white pixels: 127.5 → 127 or 128.
        for (var y = 4; y < 28; y++)
        {
            for (var x = 4; x < 28; x++)
            {
                Assert.InRange(half.Pixels[((y * 32) + x) * 4], (byte)126, (byte)129);
            }
        }
    }

    [Fact]
    public void Lanczos3_Upscaling2x_KeepsALinearRampLinear()
    {
        var ramp = new RgbaImage(32, 1);
        for (var x = 0; x < 32; x++)
        {
            ramp.Pixels.AsSpan(x * 4, 4).Fill((byte)(x * 8));
            ramp.Pixels[(x * 4) + 3] = 255;
        }

        var wide = Resampler.Lanczos3(ramp, 64, 1);

        // Output pixel i samples source position (i + 0.5) / 2 - 0.5; a ramp of slope 8 gives 8 × that.
        for (var i = 8; i < 56; i++)
        {
            Assert.InRange(wide.Pixels[i * 4], (byte)Math.Floor((((i + 0.5) / 2) - 0.5) * 8) - 1, (byte)Math.Ceiling((((i + 0.5) / 2) - 0.5) * 8) + 1);
        }
    }

    [Fact]
    public void Bilinear_TwoPixelsToThree_GivesTheKnownValues()
    {
        var two = new RgbaImage(2, 1, [0, 0, 0, 255, 200, 200, 200, 255]);

        var three = Resampler.Bilinear(two, 3, 1);

        // Centres map to source x = -0.1667, 0.5, 1.1667: clamped edges keep their colour, the middle is halfway.
        Assert.Equal([0, 100, 200], new[] { three.Pixels[0], three.Pixels[4], three.Pixels[8] });
    }

    [Fact]
    public void Lanczos3_TransparentNeighbours_DoNotBleedTheirColour()
    {
        var image = new RgbaImage(8, 1);
        for (var x = 0; x < 8; x++)
        {
            byte[] pixel = x < 4 ? [255, 0, 0, 255] : [0, 255, 0, 0]; // opaque red, then fully transparent green
            pixel.CopyTo(image.Pixels, x * 4);
        }

        var resized = Resampler.Lanczos3(image, 5, 1);

        Assert.All(resized.Pixels.Chunk(4).Where(static p => p[3] > 0), p => Assert.Equal(0, p[1]));
    }

    [Fact]
    public void CenterCropToAspect_WideImageTo1To1_CropsTheMiddle()
    {
        var image = TestImages.Gradient(300, 100);

        var square = ImageOperations.CenterCropToAspect(image, 1, 1);

        Assert.Equal((100, 100), (square.Width, square.Height));
        Assert.Equal(image.Row(0).Slice(100 * 4, 4).ToArray(), square.Row(0)[..4].ToArray());
    }

    [Theory]
    [InlineData(1024, 1024, 16, 9, 1024, 576)]
    [InlineData(1792, 1024, 16, 9, 1792, 1008)]
    [InlineData(1024, 1792, 2, 3, 1024, 1536)]
    [InlineData(100, 100, 1, 1, 100, 100)]
    public void CenterCropToAspect_GivesTheExactRatio(int width, int height, int rw, int rh, int expectedWidth, int expectedHeight)
    {
        var crop = ImageOperations.CenterCropToAspect(new RgbaImage(width, height), rw, rh);

        Assert.Equal((expectedWidth, expectedHeight), (crop.Width, crop.Height));
    }
}
