using System.Buffers.Binary;
using System.IO.Compression;
using MjBot.Imaging.Png;
using MjBot.Testing;

namespace MjBot.Imaging.Tests.Png;

public sealed class PngDecoderHostileTests
{
    private static readonly byte[] Small = new RawPngBuilder(9, 7, 8, 6, interlaced: false).Build(static (x, y, c) => (x * 20) + (y * 3) + c);

    [Fact]
    public void Decode_EveryTruncation_IsRefusedWithoutAnException()
    {
        for (var length = 0; length < Small.Length; length++)
        {
            var failure = Assert.IsType<PngDecodeResult.Failure>(PngDecoder.Decode(Small.AsSpan(0, length)));

            Assert.True(failure.Error.Kind is PngErrorKind.Truncated or PngErrorKind.BadSignature, $"length {length}: {failure.Error}");
        }
    }

    [Fact]
    public void Decode_AnyFlippedByte_IsRefusedOrDecodedNeverThrown()
    {
        for (var i = 8; i < Small.Length; i++)
        {
            var copy = (byte[])Small.Clone();
            copy[i] ^= 0x5A;

            var result = PngDecoder.Decode(copy);

            // Inside a chunk the CRC catches it; in a length field the file no longer lines up.
            var failure = Assert.IsType<PngDecodeResult.Failure>(result);
            Assert.True(failure.Error.Kind is PngErrorKind.CrcMismatch or PngErrorKind.Truncated or PngErrorKind.BadChunk, $"byte {i}: {failure.Error}");
        }
    }

    [Fact]
    public void Decode_FilterTypeFive_IsBadFilterType()
    {
        var file = new RawPngBuilder(4, 4, 8, 0, interlaced: false) { FilterForRow = static r => r == 2 ? 5 : 0 }.Build(static (x, y, _) => x + y);

        var failure = Assert.IsType<PngDecodeResult.Failure>(PngDecoder.Decode(file));

        Assert.Equal(PngErrorKind.BadFilterType, failure.Error.Kind);
        Assert.Equal("Scanline filter type 5 is not one of 0–4", failure.Error.Message);
    }

    [Theory]
    [InlineData(100_000, 100_000)]
    [InlineData(16_385, 1)]
    [InlineData(9000, 9000)] // 81 megapixels > 64
    public void Decode_OversizedHeader_IsTooLargeBeforeAnyAllocation(int width, int height)
    {
        var file = WithHeader(width, height, bitDepth: 8, colorType: 6, idat: Deflate(new byte[16]));

        var failure = Assert.IsType<PngDecodeResult.Failure>(PngDecoder.Decode(file));

        Assert.Equal(PngErrorKind.TooLarge, failure.Error.Kind);
    }

    [Fact]
    public void Decode_CustomLimits_AreHonoured()
    {
        var failure = Assert.IsType<PngDecodeResult.Failure>(PngDecoder.Decode(Small, new PngDecoderOptions { MaxSide = 8 }));

        Assert.Equal(PngErrorKind.TooLarge, failure.Error.Kind);
    }

    [Fact]
    public void Decode_DecompressionBomb_StopsAtTheFirstByteOverTheHeader()
    {
        // A 1×1 image whose IDAT inflates to 64 MiB of zeros (about 64 KB compressed).
        var bomb = WithHeader(1, 1, bitDepth: 8, colorType: 0, idat: Deflate(new byte[64 * 1024 * 1024]));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var failure = Assert.IsType<PngDecodeResult.Failure>(PngDecoder.Decode(bomb));

        Assert.Equal(PngErrorKind.DataExceedsHeader, failure.Error.Kind);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 8 * 1024 * 1024, "the bomb was inflated instead of stopped");
    }

    [Fact]
    public void Decode_TooLittleImageData_IsTruncated()
    {
        var file = WithHeader(10, 10, bitDepth: 8, colorType: 2, idat: Deflate(new byte[50]));

        Assert.Equal(PngErrorKind.Truncated, Assert.IsType<PngDecodeResult.Failure>(PngDecoder.Decode(file)).Error.Kind);
    }

    [Fact]
    public void Decode_CorruptZlib_IsBadCompression()
    {
        var file = WithHeader(2, 2, bitDepth: 8, colorType: 0, idat: [0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0x00]);

        Assert.Equal(PngErrorKind.BadCompression, Assert.IsType<PngDecodeResult.Failure>(PngDecoder.Decode(file)).Error.Kind);
    }

    [Fact]
    public void Decode_PaletteIndexPastThePalette_IsBadPalette()
    {
        var file = new RawPngBuilder(2, 1, 8, 3, interlaced: false) { Palette = [1, 2, 3] }.Build(static (x, _, _) => x * 5);

        Assert.Equal(PngErrorKind.BadPalette, Assert.IsType<PngDecodeResult.Failure>(PngDecoder.Decode(file)).Error.Kind);
    }

    [Fact]
    public void Decode_MutatedSuiteFiles_NeverThrow()
    {
        var random = new Random(4);
        var files = Directory.GetFiles(RepositoryPaths.InTestData("pngsuite"), "*.png").Select(File.ReadAllBytes).ToList();
        for (var i = 0; i < 3000; i++)
        {
            var copy = (byte[])files[random.Next(files.Count)].Clone();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
            }

            // Either outcome is fine; what must not happen is an exception.
            Assert.True(PngDecoder.Decode(copy) is PngDecodeResult.Success or PngDecodeResult.Failure { Error.Message.Length: > 0 });
        }
    }

    private static byte[] Deflate(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        return output.ToArray();
    }

    private static byte[] WithHeader(int width, int height, int bitDepth, int colorType, byte[] idat)
    {
        var builder = new List<byte>([137, 80, 78, 71, 13, 10, 26, 10]);
        void Chunk(string type, byte[] data)
        {
            var length = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
            var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
            var crc = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(crc, RawPngBuilder.ReferenceCrc(typeBytes, data));
            builder.AddRange([.. length, .. typeBytes, .. data, .. crc]);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = (byte)bitDepth;
        header[9] = (byte)colorType;
        Chunk("IHDR", header);
        Chunk("IDAT", idat);
        Chunk("IEND", []);
        return [.. builder];
    }
}
