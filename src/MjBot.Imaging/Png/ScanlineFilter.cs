namespace MjBot.Imaging.Png;

/// <summary>PNG's five scanline filters: reconstruction for the decoder, the forward filters for the encoder.</summary>
internal static class ScanlineFilter
{
    public const int None = 0;
    public const int Sub = 1;
    public const int Up = 2;
    public const int Average = 3;
    public const int Paeth = 4;

    /// <summary>Reconstructs <paramref name="row"/> in place from its filtered bytes and the previous
    /// reconstructed row (all zeros for the first row of a pass).</summary>
    public static void Unfilter(int filter, Span<byte> row, ReadOnlySpan<byte> previous, int bytesPerPixel)
    {
        switch (filter)
        {
            case None:
                break;
            case Sub:
                for (var i = bytesPerPixel; i < row.Length; i++)
                {
                    row[i] += row[i - bytesPerPixel];
                }

                break;
            case Up:
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] += previous[i];
                }

                break;
            case Average:
                for (var i = 0; i < bytesPerPixel; i++)
                {
                    row[i] += (byte)(previous[i] >> 1);
                }

                for (var i = bytesPerPixel; i < row.Length; i++)
                {
                    row[i] += (byte)((row[i - bytesPerPixel] + previous[i]) >> 1);
                }

                break;
            case Paeth:
                for (var i = 0; i < bytesPerPixel; i++)
                {
                    row[i] += previous[i];
                }

                for (var i = bytesPerPixel; i < row.Length; i++)
                {
                    row[i] += PaethPredictor(row[i - bytesPerPixel], previous[i], previous[i - bytesPerPixel]);
                }

                break;
            default:
                throw new PngFormatException(PngErrorKind.BadFilterType, $"Scanline filter type {filter} is not one of 0–4");
        }
    }

    public static byte PaethPredictor(byte a, byte b, byte c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
