using MjBot.Testing;

namespace MjBot.ImageCodecs.Tests;

public sealed class WebPEncoderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Encode_NoisyGradient_SmallerThanPngAndCloseToItInLibvips()
    {
        // A gradient with sensor-like noise: what photos are, and what PNG compresses worst.
        var image = Samples.Gradient(400, 300);
        var random = new Random(7);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            image.Pixels[i] = i % 4 == 3 ? (byte)255 : (byte)Math.Clamp(image.Pixels[i] + random.Next(-6, 7), 0, 255);
        }

        var webp = Assert.IsType<byte[]>(WebPEncoder.Encode(image));

        Assert.True(webp.Length < Imaging.Png.PngEncoder.Encode(image).Length, $"{webp.Length} bytes");
        var path = _folder.Combine("result.webp");
        File.WriteAllBytes(path, webp);
        var decoded = VipsReference.DecodeAll([path], _folder.Path)["result.webp"];
        Assert.Equal((400, 300), (decoded.Width, decoded.Height));
        var mean = decoded.Pixels.Zip(image.Pixels).Average(static p => Math.Abs(p.First - p.Second));
        Assert.True(mean < 4, $"mean channel difference {mean:F2}");
    }

    [Fact]
    public void Encode_SideOverWebPsLimit_NullSoTheBudgetGoesOn()
    {
        Assert.Null(WebPEncoder.Encode(new Imaging.RgbaImage(16384, 1)));
    }

    public void Dispose() => _folder.Dispose();
}
