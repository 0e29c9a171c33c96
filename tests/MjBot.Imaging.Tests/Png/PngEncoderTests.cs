using MjBot.Imaging.Png;
using MjBot.Testing;

namespace MjBot.Imaging.Tests.Png;

public sealed class PngEncoderTests
{
    [Theory]
    [InlineData(1, 1, true, 6)]
    [InlineData(17, 5, true, 0)]
    [InlineData(64, 33, false, 9)]
    [InlineData(200, 3, false, 1)]
    public void Encode_RandomImage_RoundTripsExactly(int width, int height, bool transparent, int level)
    {
        var image = TestImages.Noise(width, height, seed: width * height, transparent);

        var png = PngEncoder.Encode(image, new PngEncoderOptions { CompressionLevel = level });
        var decoded = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(png)).Image;

        Assert.Equal(transparent ? PngColorType.TruecolorAlpha : PngColorType.Truecolor, decoded.Header.ColorType);
        Assert.Equal(image.Pixels, decoded.Pixels.Pixels);
    }

    [Fact]
    public void Encode_ForceAlpha_WritesRgbaForAnOpaqueImage()
    {
        var png = PngEncoder.Encode(TestImages.Gradient(8, 8), new PngEncoderOptions { ForceAlpha = true });

        Assert.Equal(PngColorType.TruecolorAlpha, Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(png)).Image.Header.ColorType);
    }

    [Fact]
    public void Encode_SmoothImage_ChoosesFiltersThatBeatNoFilter()
    {
        var image = TestImages.Gradient(256, 256);

        var adaptive = PngEncoder.Encode(image, new PngEncoderOptions { CompressionLevel = 6 });
        var stored = PngEncoder.Encode(image, new PngEncoderOptions { CompressionLevel = 0 });

        Assert.True(adaptive.Length * 10 < stored.Length, $"adaptive {adaptive.Length} bytes vs stored {stored.Length}");
    }

    [Fact]
    public void Encode_TextChunks_AreWrittenAsTextOrInternationalText()
    {
        var png = PngEncoder.Encode(TestImages.Gradient(4, 4), new PngEncoderOptions
        {
            Text = [new PngTextChunk("tEXt", "parameters", "a red fox"), new PngTextChunk("iTXt", "Comment", "🦊 über")],
        });

        var text = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(png)).Image.Text;

        Assert.Equal([new PngTextChunk("tEXt", "parameters", "a red fox"), new PngTextChunk("iTXt", "Comment", "🦊 über")], text);
    }

    [Fact]
    public void Encode_OutputIsReadByAnIndependentDecoder()
    {
        using var folder = new MjBot.Testing.TempFolder();
        var image = TestImages.Noise(31, 17, seed: 3, transparent: true);
        var path = folder.Combine("ours.png");
        File.WriteAllBytes(path, PngEncoder.Encode(image, new PngEncoderOptions { CompressionLevel = 9 }));

        var vips = VipsReference.DecodeAll([path], folder.Path)["ours.png"];

        Assert.Equal(image.Pixels, vips.Pixels);
    }
}
