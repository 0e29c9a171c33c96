namespace MjBot.Imaging.Png;

/// <summary>Turns reconstructed scanlines of any colour type and bit depth into 8-bit RGBA: palettes expanded with
/// their tRNS alpha, grey/RGB tRNS keys compared at the file's bit depth, 1/2/4-bit grey scaled exactly to 0–255,
/// 16-bit samples reduced to their high byte. No gamma is applied and bKGD is ignored.</summary>
internal sealed class PixelConverter(PngHeader header, byte[]? palette, int? greyKey, (int R, int G, int B)? rgbKey)
{
    private readonly int _scale = header.BitDepth < 8 ? 255 / ((1 << header.BitDepth) - 1) : 1;

    /// <summary>Writes one reconstructed row of a pass into <paramref name="output"/>.</summary>
    public void WriteRow(ReadOnlySpan<byte> row, ImagePass pass, int passRow, RgbaImage output)
    {
        var target = output.Row(pass.YStart + (passRow * pass.YStep));
        if (pass.XStep == 1 && header is { ColorType: PngColorType.TruecolorAlpha, BitDepth: 8 })
        {
            row[..target.Length].CopyTo(target);
            return;
        }

        if (pass.XStep == 1 && rgbKey is null && header is { ColorType: PngColorType.Truecolor, BitDepth: 8 })
        {
            for (int i = 0, o = 0; o < target.Length; i += 3, o += 4)
            {
                target[o] = row[i];
                target[o + 1] = row[i + 1];
                target[o + 2] = row[i + 2];
                target[o + 3] = 255;
            }

            return;
        }

        for (var i = 0; i < pass.Width; i++)
        {
            var o = (pass.XStart + (i * pass.XStep)) * 4;
            WritePixel(row, i, target.Slice(o, 4));
        }
    }

    private void WritePixel(ReadOnlySpan<byte> row, int i, Span<byte> rgba)
    {
        switch (header.ColorType)
        {
            case PngColorType.Greyscale:
            {
                var v = Sample(row, i);
                var grey = To8(v);
                rgba[0] = rgba[1] = rgba[2] = grey;
                rgba[3] = greyKey == v ? (byte)0 : (byte)255;
                break;
            }

            case PngColorType.Truecolor:
            {
                int r = Sample(row, i * 3), g = Sample(row, (i * 3) + 1), b = Sample(row, (i * 3) + 2);
                rgba[0] = To8(r);
                rgba[1] = To8(g);
                rgba[2] = To8(b);
                rgba[3] = rgbKey == (r, g, b) ? (byte)0 : (byte)255;
                break;
            }

            case PngColorType.Indexed:
            {
                var index = Sample(row, i);
                if (palette is null || (index * 4) + 3 >= palette.Length)
                {
                    throw new PngFormatException(PngErrorKind.BadPalette, $"Palette index {index} is past the end of the palette");
                }

                palette.AsSpan(index * 4, 4).CopyTo(rgba);
                break;
            }

            case PngColorType.GreyscaleAlpha:
                rgba[0] = rgba[1] = rgba[2] = To8(Sample(row, i * 2));
                rgba[3] = To8(Sample(row, (i * 2) + 1));
                break;
            default:
                for (var c = 0; c < 4; c++)
                {
                    rgba[c] = To8(Sample(row, (i * 4) + c));
                }

                break;
        }
    }

    private int Sample(ReadOnlySpan<byte> row, int index) => header.BitDepth switch
    {
        8 => row[index],
        16 => (row[index * 2] << 8) | row[(index * 2) + 1],
        _ => (row[(index * header.BitDepth) >> 3] >> (8 - header.BitDepth - ((index * header.BitDepth) & 7))) & ((1 << header.BitDepth) - 1),
    };

    private byte To8(int sample) => header.BitDepth switch
    {
        16 => (byte)(sample >> 8),
        8 => (byte)sample,
        _ => (byte)(sample * _scale),
    };
}
