using MjBot.Imaging.Png;

namespace MjBot.Imaging.Tests.Operations;

public sealed class ImageFormatsTests
{
    public static TheoryData<byte[], ImageFormat> Signatures => new()
    {
        { PngEncoder.Encode(TestImages.Gradient(2, 2)), ImageFormat.Png },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1], ImageFormat.Jpeg },
        { "RIFF\u0024\u0000\u0000\u0000WEBPVP8 "u8.ToArray(), ImageFormat.WebP },
        { "GIF89a\u0001\u0000\u0001\u0000"u8.ToArray(), ImageFormat.Gif },
        { "<html>"u8.ToArray(), ImageFormat.Unknown },
        { [], ImageFormat.Unknown },
    };

    [Theory]
    [MemberData(nameof(Signatures))]
    public void Identify_KnownSignature_GivesTheFormat(byte[] data, ImageFormat expected)
    {
        Assert.Equal(expected, ImageFormats.Identify(data));
    }

    [Fact]
    public void PngSize_PngAndOthers_FromTheHeaderOrNull()
    {
        var png = MjBot.Imaging.Png.PngEncoder.Encode(new RgbaImage(37, 19));

        Assert.Equal((37, 19), ImageFormats.PngSize(png));
        Assert.Null(ImageFormats.PngSize([0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0, 0, 0, 0, 0]));
        Assert.Null(ImageFormats.PngSize(png.AsSpan(0, 20)));
    }
}
