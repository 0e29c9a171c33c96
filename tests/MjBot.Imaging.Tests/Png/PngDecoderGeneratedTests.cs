using MjBot.Imaging.Png;

namespace MjBot.Imaging.Tests.Png;

/// <summary>Every colour type × bit depth × interlace, written from generated samples by a test-only builder and
/// checked pixel by pixel against those samples under the documented conversion rules.</summary>
public sealed class PngDecoderGeneratedTests
{
    public static TheoryData<byte, int, bool, int, int> Combinations()
    {
        var data = new TheoryData<byte, int, bool, int, int>();
        (byte Type, int[] Depths)[] types = [(0, [1, 2, 4, 8, 16]), (2, [8, 16]), (3, [1, 2, 4, 8]), (4, [8, 16]), (6, [8, 16])];
        foreach (var (type, depths) in types)
        {
            foreach (var depth in depths)
            {
                foreach (var interlaced in new[] { false, true })
                {
                    foreach (var (w, h) in new[] { (13, 11), (1, 1), (3, 9) })
                    {
                        data.Add(type, depth, interlaced, w, h);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Decode_GeneratedImage_GivesTheGeneratedPixels(byte colorType, int bitDepth, bool interlaced, int width, int height)
    {
        var max = (1 << bitDepth) - 1;
        var entries = Math.Min(max + 1, 7);
        var palette = colorType == 3 ? Enumerable.Range(0, entries * 3).Select(static i => (byte)((i * 37) + 11)).ToArray() : null;
        var paletteAlpha = colorType == 3 ? Enumerable.Range(0, entries - 2).Select(static i => (byte)(i * 60)).ToArray() : null;
        int Sample(int x, int y, int c) => colorType == 3 ? ((x * 3) + y) % entries : (((x * 7919) + (y * 104729) + (c * 31)) * 2654435761L % (max + 1)) is var v ? (int)v : 0;
        int? greyKey = colorType == 0 ? Sample(1 % width, 0, 0) : null;
        (int, int, int)? rgbKey = colorType == 2 ? (Sample(0, 0, 0), Sample(0, 0, 1), Sample(0, 0, 2)) : null;
        byte[]? transparency = colorType switch
        {
            0 => [(byte)(greyKey!.Value >> 8), (byte)greyKey.Value],
            2 => [(byte)(rgbKey!.Value.Item1 >> 8), (byte)rgbKey.Value.Item1, (byte)(rgbKey.Value.Item2 >> 8), (byte)rgbKey.Value.Item2, (byte)(rgbKey.Value.Item3 >> 8), (byte)rgbKey.Value.Item3],
            3 => paletteAlpha,
            _ => null,
        };
        var file = new RawPngBuilder(width, height, bitDepth, colorType, interlaced) { Palette = palette, Transparency = transparency }.Build(Sample);

        var image = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(file)).Image;

        Assert.Equal(new PngHeader(width, height, bitDepth, (PngColorType)colorType, interlaced), image.Header);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                byte To8(int v) => bitDepth switch { 16 => (byte)(v >> 8), 8 => (byte)v, _ => (byte)(v * 255 / max) };
                byte[] expected = colorType switch
                {
                    0 => [To8(Sample(x, y, 0)), To8(Sample(x, y, 0)), To8(Sample(x, y, 0)), Sample(x, y, 0) == greyKey ? (byte)0 : (byte)255],
                    2 => [To8(Sample(x, y, 0)), To8(Sample(x, y, 1)), To8(Sample(x, y, 2)), (Sample(x, y, 0), Sample(x, y, 1), Sample(x, y, 2)) == rgbKey ? (byte)0 : (byte)255],
                    3 => [palette![Sample(x, y, 0) * 3], palette[(Sample(x, y, 0) * 3) + 1], palette[(Sample(x, y, 0) * 3) + 2], Sample(x, y, 0) < paletteAlpha!.Length ? paletteAlpha[Sample(x, y, 0)] : (byte)255],
                    4 => [To8(Sample(x, y, 0)), To8(Sample(x, y, 0)), To8(Sample(x, y, 0)), To8(Sample(x, y, 1))],
                    _ => [To8(Sample(x, y, 0)), To8(Sample(x, y, 1)), To8(Sample(x, y, 2)), To8(Sample(x, y, 3))],
                };
                var actual = image.Pixels.Pixels.AsSpan(((y * width) + x) * 4, 4).ToArray();
                Assert.True(expected.SequenceEqual(actual), $"pixel ({x},{y}): expected [{string.Join(',', expected)}], got [{string.Join(',', actual)}]");
            }
        }
    }
}
