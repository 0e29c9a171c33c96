using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MjBot.Imaging.Tests.Png;

/// <summary>Test-only: writes PNGs of any colour type, bit depth and interlace from raw samples, so the decoder can
/// be checked pixel by pixel against the values the test generated. Deliberately simple (filter types chosen per row
/// by the caller, no optimisation), and independent of MjBot's encoder.</summary>
internal sealed class RawPngBuilder(int width, int height, int bitDepth, byte colorType, bool interlaced)
{
    public byte[]? Palette { get; init; }

    public byte[]? Transparency { get; init; }

    /// <summary>Gets or sets the filter used for row r (default: r mod 5, so every filter is exercised).</summary>
    public Func<int, int> FilterForRow { get; init; } = static r => r % 5;

    public int Channels => colorType switch { 0 or 3 => 1, 4 => 2, 2 => 3, _ => 4 };

    /// <summary>Builds the file; <paramref name="sample"/>(x, y, channel) gives each raw sample at the file's depth.</summary>
    public byte[] Build(Func<int, int, int, int> sample, Action<MemoryStream, Action<string, byte[]>>? extraChunks = null)
    {
        using var file = new MemoryStream();
        file.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        void Chunk(string type, byte[] data)
        {
            var prefix = new byte[8];
            BinaryPrimitives.WriteUInt32BigEndian(prefix, (uint)data.Length);
            Encoding.ASCII.GetBytes(type, prefix.AsSpan(4));
            file.Write(prefix);
            file.Write(data);
            var crc = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(crc, ReferenceCrc(prefix.AsSpan(4), data));
            file.Write(crc);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = (byte)bitDepth;
        header[9] = colorType;
        header[12] = (byte)(interlaced ? 1 : 0);
        Chunk("IHDR", header);
        if (Palette is not null)
        {
            Chunk("PLTE", Palette);
        }

        if (Transparency is not null)
        {
            Chunk("tRNS", Transparency);
        }

        extraChunks?.Invoke(file, Chunk);
        var raw = Scanlines(sample);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }

            // Two IDAT chunks, to exercise concatenation.
            var data = compressed.ToArray();
            Chunk("IDAT", data[..(data.Length / 2)]);
            Chunk("IDAT", data[(data.Length / 2)..]);
        }

        Chunk("IEND", []);
        return file.ToArray();
    }

    private byte[] Scanlines(Func<int, int, int, int> sample)
    {
        (int X, int Y, int Dx, int Dy)[] passes = interlaced
            ? [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
            : [(0, 0, 1, 1)];
        var output = new MemoryStream();
        var bpp = Math.Max(1, Channels * bitDepth / 8);
        foreach (var (x0, y0, dx, dy) in passes)
        {
            var passWidth = width > x0 ? (width - x0 + dx - 1) / dx : 0;
            var passHeight = height > y0 ? (height - y0 + dy - 1) / dy : 0;
            if (passWidth == 0 || passHeight == 0)
            {
                continue;
            }

            var rowBytes = ((passWidth * Channels * bitDepth) + 7) / 8;
            var previous = new byte[rowBytes];
            for (var r = 0; r < passHeight; r++)
            {
                var row = new byte[rowBytes];
                var bit = 0;
                for (var i = 0; i < passWidth; i++)
                {
                    for (var c = 0; c < Channels; c++)
                    {
                        var value = sample(x0 + (i * dx), y0 + (r * dy), c);
                        if (bitDepth == 16)
                        {
                            row[bit / 8] = (byte)(value >> 8);
                            row[(bit / 8) + 1] = (byte)value;
                        }
                        else if (bitDepth == 8)
                        {
                            row[bit / 8] = (byte)value;
                        }
                        else
                        {
                            row[bit / 8] |= (byte)(value << (8 - bitDepth - (bit % 8)));
                        }

                        bit += bitDepth;
                    }
                }

                var filter = FilterForRow(r);
                output.WriteByte((byte)filter);
                output.Write(Filter(filter, row, previous, bpp));
                previous = row;
            }
        }

        return output.ToArray();
    }

    private static byte[] Filter(int filter, byte[] row, byte[] previous, int bpp)
    {
        var result = new byte[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            int a = i >= bpp ? row[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
            var predictor = filter switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) / 2,
                _ => Paeth(a, b, c),
            };
            result[i] = (byte)(row[i] - predictor);
        }

        return result;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    // Bitwise CRC-32, written independently of the product's table-driven one.
    internal static uint ReferenceCrc(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in (byte[])[.. type, .. data])
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
