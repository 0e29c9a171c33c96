using System.Numerics;

namespace MjBot.Imaging.Png;

/// <summary>Picks each row's filter by the heuristic the PNG specification recommends: the filter whose output has
/// the smallest sum of absolute values (bytes read as signed).</summary>
internal static class RowFilterChooser
{
    public static void Choose(ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, int bytesPerPixel, Span<byte> scratch, Span<byte> best)
    {
        var bestScore = long.MaxValue;
        for (var filter = ScanlineFilter.None; filter <= ScanlineFilter.Paeth; filter++)
        {
            scratch[0] = (byte)filter;
            Apply(filter, row, previous, bytesPerPixel, scratch[1..]);
            var score = SumOfAbsolutes(scratch[1..]);
            if (score < bestScore)
            {
                bestScore = score;
                scratch.CopyTo(best);
            }
        }
    }

    private static void Apply(int filter, ReadOnlySpan<byte> row, ReadOnlySpan<byte> previous, int bpp, Span<byte> output)
    {
        switch (filter)
        {
            case ScanlineFilter.None:
                row.CopyTo(output);
                break;
            case ScanlineFilter.Sub:
                row[..bpp].CopyTo(output);
                for (var i = bpp; i < row.Length; i++)
                {
                    output[i] = (byte)(row[i] - row[i - bpp]);
                }

                break;
            case ScanlineFilter.Up:
                for (var i = 0; i < row.Length; i++)
                {
                    output[i] = (byte)(row[i] - previous[i]);
                }

                break;
            case ScanlineFilter.Average:
                for (var i = 0; i < bpp; i++)
                {
                    output[i] = (byte)(row[i] - (previous[i] >> 1));
                }

                for (var i = bpp; i < row.Length; i++)
                {
                    output[i] = (byte)(row[i] - ((row[i - bpp] + previous[i]) >> 1));
                }

                break;
            default:
                for (var i = 0; i < bpp; i++)
                {
                    output[i] = (byte)(row[i] - previous[i]);
                }

                for (var i = bpp; i < row.Length; i++)
                {
                    output[i] = (byte)(row[i] - ScanlineFilter.PaethPredictor(row[i - bpp], previous[i], previous[i - bpp]));
                }

                break;
        }
    }

    // |(sbyte)b| summed; vectorised where the hardware allows.
    private static long SumOfAbsolutes(ReadOnlySpan<byte> data)
    {
        long sum = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && data.Length >= Vector<sbyte>.Count)
        {
            var signed = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, sbyte>(data);
            var accumulator = Vector<int>.Zero;
            for (; i + Vector<sbyte>.Count <= signed.Length; i += Vector<sbyte>.Count)
            {
                var abs = Vector.Abs(new Vector<sbyte>(signed[i..]));
                Vector.Widen(Vector.AsVectorByte(abs), out var low, out var high);
                Vector.Widen(low, out var a, out var b);
                Vector.Widen(high, out var c, out var d);
                accumulator += Vector.AsVectorInt32(a + b + c + d);
            }

            sum = Vector.Sum(accumulator);
        }

        for (; i < data.Length; i++)
        {
            sum += Math.Abs((int)(sbyte)data[i]);
        }

        return sum;
    }
}
