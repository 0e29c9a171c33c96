using MjBot.Core.Generation;
using MjBot.Imaging;
using MjBot.Imaging.Png;
using MjBot.Testing;

namespace MjBot.ImageCodecs.Tests;

/// <summary>The reader against libvips: what members bring (JPEG, WebP, GIF, PNG) decodes to the pixels an
/// independent decoder sees, oriented and within the size kept.</summary>
public sealed class SkiaImageReaderTests : IDisposable
{
    private readonly Samples _samples = new();
    private readonly SkiaImageReader _reader = new(new ImageDecodingOptions());

    [Theory]
    [InlineData("photo.jpg[Q=90]", "JPEG", 3)]
    [InlineData("photo.webp[Q=90]", "WebP", 3)]
    [InlineData("drawing.webp[lossless]", "WebP", 0)]
    [InlineData("drawing.gif", "GIF", 0)]
    [InlineData("drawing.png", "PNG", 0)]
    public void Read_EachFormat_PixelsMatchLibvips(string target, string format, int tolerance)
    {
        var path = _samples.Convert(Samples.Gradient(301, 203), target);

        var read = Assert.IsType<ImageReadResult.Read>(_reader.Read(File.ReadAllBytes(path)));

        Assert.Equal((format, 301, 203), (read.Format, read.SourceWidth, read.SourceHeight));
        var ours = Decoded(read.Png);
        var theirs = VipsReference.DecodeAll([path], _samples.Folder)[Path.GetFileName(path)];
        Assert.Equal((theirs.Width, theirs.Height), (ours.Width, ours.Height));
        var worst = ours.Pixels.Zip(theirs.Pixels).Max(static p => Math.Abs(p.First - p.Second));
        Assert.True(worst <= tolerance, $"{format}: a channel differs from libvips by {worst} (at most {tolerance} allowed)");
    }

    [Fact]
    public void Read_AnimatedGif_TheFirstFrame()
    {
        // Two 1×1 frames, red then blue, written by hand from the GIF89a specification.
        byte[] gif =
        [
            .. "GIF89a"u8, 1, 0, 1, 0, 0xF1, 0, 0, // screen 1×1, global table of 4 colours
            255, 0, 0, 0, 0, 255, 0, 0, 0, 0, 0, 0,
            0x21, 0xF9, 4, 0, 10, 0, 0, 0, // graphic control: 0.1 s
            0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, // frame 1: index 0 (LZW: clear, 0, end)
            0x21, 0xF9, 4, 0, 10, 0, 0, 0,
            0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x4C, 0x01, 0, // frame 2: index 1
            0x3B,
        ];

        var read = Assert.IsType<ImageReadResult.Read>(_reader.Read(gif));

        Assert.Equal(new byte[] { 255, 0, 0, 255 }, Decoded(read.Png).Pixels);
    }

    [Theory]
    [InlineData(1, 30, 20, 0, 0)]
    [InlineData(3, 30, 20, 29, 19)]
    [InlineData(6, 20, 30, 19, 0)]
    [InlineData(8, 20, 30, 0, 29)]
    public void Read_JpegWithExifOrientation_TurnedAsTheCameraMeant(int orientation, int width, int height, int redX, int redY)
    {
        // The stored image is 30×20 with a red corner at its top left: after turning, the corner is where EXIF says.
        var image = new RgbaImage(30, 20);
        for (var i = 0; i < image.Pixels.Length; i += 4)
        {
            var (x, y) = ((i / 4) % 30, (i / 4) / 30);
            (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2], image.Pixels[i + 3]) = x < 8 && y < 8 ? ((byte)255, (byte)0, (byte)0, (byte)255) : ((byte)0, (byte)0, (byte)255, (byte)255);
        }

        var jpeg = WithOrientation(File.ReadAllBytes(_samples.Convert(image, "turned.jpg[Q=95]")), orientation);

        var read = Assert.IsType<ImageReadResult.Read>(_reader.Read(jpeg));
        var decoded = Decoded(read.Png);

        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        Assert.Equal((width, height), (read.SourceWidth, read.SourceHeight)); // the size as it is seen
        var at = ((redY * width) + redX) * 4;
        Assert.True(decoded.Pixels[at] > 200 && decoded.Pixels[at + 2] < 60, $"the red corner is not at ({redX}, {redY})");
    }

    [Fact]
    public void Read_LargeJpeg_DecodedAtHalfSizeWithinTheSideKept()
    {
        var path = _samples.Convert(Samples.Gradient(4096, 3072), "large.jpg[Q=85]");
        var bytes = File.ReadAllBytes(path);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = Assert.IsType<ImageReadResult.Read>(_reader.Read(bytes));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal((4096, 3072), (read.SourceWidth, read.SourceHeight));
        Assert.Equal((2048, 1536), PngSize(read.Png));
        // Full size would be 48 MiB of pixels; decoded at half size it is 12 MiB (and the PNG written from it).
        Assert.True(allocated < 40L * 1024 * 1024, $"{allocated / (1024 * 1024)} MiB allocated");
    }

    [Fact]
    public void Read_LargePng_ScaledDownToTheSideKept()
    {
        var path = _samples.Convert(Samples.Gradient(3000, 1000), "wide.png");

        var read = Assert.IsType<ImageReadResult.Read>(_reader.Read(File.ReadAllBytes(path)));

        Assert.Equal((2048, 683), PngSize(read.Png));
    }

    public void Dispose() => _samples.Dispose();

    internal static RgbaImage Decoded(byte[] png) =>
        Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(png)).Image.Pixels;

    private static (int Width, int Height) PngSize(byte[] png) => ImageFormats.PngSize(png)!.Value;

    // An APP1 Exif segment (big-endian TIFF, one IFD entry: Orientation) put straight after the JPEG's SOI.
    private static byte[] WithOrientation(byte[] jpeg, int orientation)
    {
        byte[] app1 =
        [
            0xFF, 0xE1, 0, 34, .. "Exif\0\0"u8,
            (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8,
            0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte)orientation, 0, 0,
            0, 0, 0, 0,
        ];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }
}
