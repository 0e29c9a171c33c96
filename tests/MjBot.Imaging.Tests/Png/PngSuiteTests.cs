using MjBot.Imaging.Png;
using MjBot.Testing;

namespace MjBot.Imaging.Tests.Png;

/// <summary>PngSuite, the PNG conformance images: every valid file decodes to the same pixels as libvips; every
/// broken x* file is refused with a typed error.</summary>
public sealed class PngSuiteTests : IDisposable
{
    private static readonly string Folder = RepositoryPaths.InTestData("pngsuite");
    private readonly TempFolder _work = new();

    public static TheoryData<string, PngErrorKind> BrokenFiles => new()
    {
        { "xc1n0g08.png", PngErrorKind.BadHeader },   // colour type 1
        { "xc9n2c08.png", PngErrorKind.BadHeader },   // colour type 9
        { "xcrn0g04.png", PngErrorKind.BadSignature }, // CR bytes added
        { "xcsn0g01.png", PngErrorKind.CrcMismatch },  // IDAT checksum
        { "xd0n2c08.png", PngErrorKind.BadHeader },   // bit depth 0
        { "xd3n2c08.png", PngErrorKind.BadHeader },   // bit depth 3
        { "xd9n2c08.png", PngErrorKind.BadHeader },   // bit depth 99
        { "xdtn0g01.png", PngErrorKind.BadChunk },    // no IDAT
        { "xhdn0g08.png", PngErrorKind.CrcMismatch },  // IHDR checksum
        { "xlfn0g04.png", PngErrorKind.BadSignature }, // LF bytes added
        { "xs1n0g01.png", PngErrorKind.BadSignature },
        { "xs2n0g01.png", PngErrorKind.BadSignature },
        { "xs4n0g01.png", PngErrorKind.BadSignature },
        { "xs7n0g01.png", PngErrorKind.BadSignature },
    };

    [Fact]
    public void Decode_EveryValidFile_MatchesLibvipsPixelForPixel()
    {
        var files = Directory.GetFiles(Folder, "*.png").Where(static f => !Path.GetFileName(f).StartsWith('x')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(161, files.Count);
        var reference = VipsReference.DecodeAll(files, _work.Path);

        var mismatches = new List<string>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            switch (PngDecoder.Decode(File.ReadAllBytes(file)))
            {
                case PngDecodeResult.Success { Image.Pixels: var pixels }:
                    var expected = reference[name];
                    if (pixels.Width != expected.Width || pixels.Height != expected.Height || !pixels.Pixels.AsSpan().SequenceEqual(expected.Pixels))
                    {
                        mismatches.Add($"{name}: pixels differ from libvips");
                    }

                    break;
                case PngDecodeResult.Failure failure:
                    mismatches.Add($"{name}: refused: {failure.Error}");
                    break;
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Decode_BrokenFile_IsRefusedWithATypedError(string name, PngErrorKind kind)
    {
        var result = PngDecoder.Decode(File.ReadAllBytes(Path.Combine(Folder, name)));

        var failure = Assert.IsType<PngDecodeResult.Failure>(result);
        Assert.Equal(kind, failure.Error.Kind);
        Assert.False(string.IsNullOrWhiteSpace(failure.Error.Message));
    }

    [Fact]
    public void BrokenFiles_CoverEveryXFileOfTheSuite()
    {
        var names = Directory.GetFiles(Folder, "x*.png").Select(static f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

        Assert.Equal(names, BrokenFiles.Select(static row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Decode_TextChunks_AreRead()
    {
        var image = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(File.ReadAllBytes(Path.Combine(Folder, "ct1n0g04.png")))).Image;
        var compressed = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(File.ReadAllBytes(Path.Combine(Folder, "ctzn0g04.png")))).Image;
        var international = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(File.ReadAllBytes(Path.Combine(Folder, "cthn0g04.png")))).Image;

        Assert.Contains(image.Text, static t => t is { ChunkType: "tEXt", Keyword: "Title", Text: "PngSuite" });
        Assert.Contains(compressed.Text, static t => t.ChunkType == "zTXt" && t.Text.Length > 0);
        Assert.Contains(international.Text, static t => t.ChunkType == "iTXt" && t.Text.Length > 0);
    }

    public void Dispose() => _work.Dispose();
}
