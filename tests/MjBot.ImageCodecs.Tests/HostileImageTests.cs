using System.Buffers.Binary;
using MjBot.Core.Generation;
using MjBot.Imaging;
using MjBot.Imaging.Png;

namespace MjBot.ImageCodecs.Tests;

/// <summary>Hostile and broken files in every format members bring: truncated, bytes flipped, headers that lie about
/// the size (bombs). Each is refused with a sentence or read within the limits; none throws, and a stated size over
/// the limit is refused before any pixel memory is taken.</summary>
public sealed class HostileImageTests : IDisposable
{
    private readonly Samples _samples = new();
    private readonly SkiaImageReader _reader = new(new ImageDecodingOptions());

    public static TheoryData<string> Targets => ["photo.jpg[Q=90]", "photo.webp[Q=90]", "drawing.webp[lossless]", "drawing.gif", "drawing.png"];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Read_Truncated_RefusedAsDamaged(string target)
    {
        var bytes = File.ReadAllBytes(_samples.Convert(Samples.Gradient(120, 90), target));

        foreach (var length in new[] { 12, 40, bytes.Length / 2, bytes.Length * 3 / 4 })
        {
            var refused = Assert.IsType<ImageReadResult.Refused>(_reader.Read(bytes[..length]));
            Assert.Matches("damaged or cut short|not a PNG, JPEG, WebP or GIF", refused.Reason.English);
        }
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Read_FlippedBytes_RefusedOrReadWithinTheLimitsNeverThrown(string target)
    {
        var bytes = File.ReadAllBytes(_samples.Convert(Samples.Gradient(64, 48), target));
        var random = new Random(25);

        for (var n = 0; n < 150; n++)
        {
            var broken = bytes.ToArray();
            for (var flips = 0; flips < 1 + (n % 4); flips++)
            {
                broken[random.Next(broken.Length)] ^= (byte)(1 << random.Next(8));
            }

            switch (_reader.Read(broken))
            {
                case ImageReadResult.Read read:
                    var size = ImageFormats.PngSize(read.Png)!.Value;
                    Assert.InRange(Math.Max(size.Width, size.Height), 1, ImageDecodingOptions.MaxSide);
                    break;
                case ImageReadResult.Refused refused:
                    Assert.StartsWith("MjBot could not use that image: ", refused.Reason.English, StringComparison.Ordinal);
                    break;
            }
        }
    }

    [Theory]
    [InlineData("photo.jpg[Q=90]", 60000, 60000, true)]
    [InlineData("photo.jpg[Q=90]", 12000, 9000, true)]
    [InlineData("drawing.gif", 65535, 65535, true)]
    [InlineData("drawing.png", 100000, 3, true)]
    // WebP's container states the canvas and the frame its own size: libwebp refuses the mismatch as it opens.
    [InlineData("photo.webp[Q=90]", 16383, 16383, false)]
    public void Read_HeaderClaimsAHugeImage_RefusedBeforeDecoding(string target, int width, int height, bool sizeNamed)
    {
        var bomb = WithStatedSize(File.ReadAllBytes(_samples.Convert(Samples.Gradient(40, 30), target)), width, height);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = _reader.Read(bomb);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var refused = Assert.IsType<ImageReadResult.Refused>(result);
        Assert.Contains(sizeNamed ? $"its header says {width}×{height}" : "damaged or cut short", refused.Reason.English, StringComparison.Ordinal);
        Assert.True(allocated < 1024 * 1024, $"{allocated} bytes allocated for a refused file");
    }

    [Theory]
    [InlineData("not an image at all")]
    [InlineData("<html><body>404</body></html>")]
    public void Read_NotAnImage_RefusedWithTheFormatsRead(string text)
    {
        var refused = Assert.IsType<ImageReadResult.Refused>(_reader.Read(System.Text.Encoding.UTF8.GetBytes(text)));

        Assert.Equal("MjBot could not use that image: it is not a PNG, JPEG, WebP or GIF image.", refused.Reason.English);
    }

    [Fact]
    public void Read_OverTheConfiguredMegapixels_Refused()
    {
        var reader = new SkiaImageReader(new ImageDecodingOptions { MaxImageMegapixels = 1 });
        var bytes = File.ReadAllBytes(_samples.Convert(Samples.Gradient(1200, 900), "photo.jpg[Q=80]"));

        var refused = Assert.IsType<ImageReadResult.Refused>(reader.Read(bytes));

        Assert.Contains("at most 1 megapixels", refused.Reason.English, StringComparison.Ordinal);
    }

    public void Dispose() => _samples.Dispose();

    // The size the file's header states, changed where each format keeps it (the PNG's IHDR checksum is fixed too, so
    // only the size is a lie).
    private static byte[] WithStatedSize(byte[] file, int width, int height)
    {
        var bytes = file.ToArray();
        switch (ImageFormats.Identify(bytes))
        {
            case ImageFormat.Jpeg:
                var sof = FindSof(bytes);
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(sof + 5), (ushort)height);
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(sof + 7), (ushort)width);
                break;
            case ImageFormat.WebP:
                // libvips writes the extended layout: the canvas size, less one, in 24 bits each.
                Assert.Equal("VP8X", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
                WriteUInt24(bytes, 24, width - 1);
                WriteUInt24(bytes, 27, height - 1);
                break;
            case ImageFormat.Gif:
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), (ushort)width);
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)height);
                break;
            default:
                BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
                BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
                BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(29), Crc32.Compute(bytes.AsSpan(12, 4), bytes.AsSpan(16, 13)));
                break;
        }

        return bytes;
    }

    private static void WriteUInt24(byte[] bytes, int at, int value) =>
        (bytes[at], bytes[at + 1], bytes[at + 2]) = ((byte)value, (byte)(value >> 8), (byte)(value >> 16));

    private static int FindSof(byte[] jpeg)
    {
        for (var i = 2; i + 1 < jpeg.Length;)
        {
            if (jpeg[i + 1] is 0xC0 or 0xC1 or 0xC2)
            {
                return i;
            }

            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(i + 2));
        }

        throw new InvalidDataException("No SOF marker.");
    }
}
