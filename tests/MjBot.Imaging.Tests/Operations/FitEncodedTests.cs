using MjBot.Imaging.Png;

namespace MjBot.Imaging.Tests.Operations;

public sealed class FitEncodedTests
{
    private static readonly PngTextChunk Recipe = new("tEXt", ImageRecipe.Keyword, new ImageRecipe("a fox", "trees", "--ar 1:1", 7, "test", "default", "job-1").ToText());

    [Fact]
    public void WithText_AnEncodedPng_AddsTheChunkAndCopiesThePixelDataByteForByte()
    {
        var png = PngEncoder.Encode(TestImages.Noise(32, 16, seed: 3, transparent: false));

        var tagged = PngEncoder.WithText(png, [Recipe]);

        var decoded = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(tagged)).Image;
        Assert.Equal(Recipe.Text, Assert.Single(decoded.Text, static t => t.Keyword == ImageRecipe.Keyword).Text);
        Assert.Equal(Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(png)).Image.Pixels.Pixels, decoded.Pixels.Pixels);
        Assert.Equal(png.Length + 12 + Recipe.Keyword.Length + 1 + Recipe.Text.Length, tagged.Length);
    }

    [Fact]
    public void WithText_AlreadyTagged_ReplacesTheChunkOfThatKeyword()
    {
        var png = PngEncoder.Encode(TestImages.Gradient(8, 8), new PngEncoderOptions { Text = [new PngTextChunk("tEXt", ImageRecipe.Keyword, "old"), new PngTextChunk("tEXt", "Software", "x")] });

        var tagged = PngEncoder.WithText(png, [Recipe]);

        var text = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(tagged)).Image.Text;
        Assert.Equal([Recipe.Text], text.Where(static t => t.Keyword == ImageRecipe.Keyword).Select(static t => t.Text));
        Assert.Contains(text, static t => t.Keyword == "Software");
    }

    [Fact]
    public void FitEncoded_UnderTheLimit_KeptAtFullSizeWithTheRecipe()
    {
        var png = PngEncoder.Encode(TestImages.Noise(64, 64, seed: 5, transparent: false));

        var result = UploadBudget.FitEncoded(png, 1024 * 1024, [Recipe])!;

        Assert.Equal((64, 64, null), (result.Width, result.Height, result.CompressionLevel));
        Assert.Equal(PngEncoder.WithText(png, [Recipe]), result.File);
    }

    [Fact]
    public void FitEncoded_OverTheLimit_ScaledDownUntilItFitsAndStillCarriesTheRecipe()
    {
        var png = PngEncoder.Encode(TestImages.Noise(256, 256, seed: 5, transparent: false));
        const long limit = 40_000;

        var result = UploadBudget.FitEncoded(png, limit, [Recipe])!;

        Assert.True(result.File.Length <= limit, $"{result.File.Length} bytes");
        Assert.True(result.Width < 256);
        var decoded = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(result.File)).Image;
        Assert.Equal(Recipe.Text, Assert.Single(decoded.Text).Text);
    }

    [Fact]
    public void FitEncoded_NotAPng_InvalidData() =>
        Assert.Throws<InvalidDataException>(() => UploadBudget.FitEncoded([1, 2, 3], 100, [Recipe]));
}
