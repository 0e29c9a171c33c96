using MjBot.Imaging.Png;

namespace MjBot.Imaging.Tests.Operations;

public sealed class UploadBudgetTests
{
    [Fact]
    public void Fit_SmallImage_IsEncodedOnceAtTheRequestedLevel()
    {
        var result = UploadBudget.Fit(TestImages.Gradient(64, 64))!;

        Assert.Equal((64, 64, 6), (result.Width, result.Height, result.CompressionLevel));
    }

    [Fact]
    public void Fit_NoiseThatCannotFitAtFullSize_IsDownscaledUntilItFits()
    {
        // 512×512 RGBA noise does not compress: about 1 MiB. The limit is 256 KiB.
        var noise = TestImages.Noise(512, 512, seed: 9, transparent: true);
        const long limit = 256 * 1024;

        var result = UploadBudget.Fit(noise, limit)!;

        Assert.True(result.Png.Length <= limit, $"{result.Png.Length} bytes");
        Assert.True(result.Width < 512 && result.Height < 512);
        Assert.Equal(9, result.CompressionLevel);
        var decoded = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(result.Png)).Image;
        Assert.Equal((result.Width, result.Height), (decoded.Header.Width, decoded.Header.Height));
        Assert.Equal(512, noise.Width); // the original is untouched
    }

    [Fact]
    public void Fit_ImpossibleLimit_IsNull()
    {
        Assert.Null(UploadBudget.Fit(TestImages.Noise(64, 64, seed: 1, transparent: true), 100));
    }

    [Fact]
    public void Fit_KeepsTheRecipeChunk()
    {
        var options = new PngEncoderOptions { Text = [new PngTextChunk("tEXt", ImageRecipe.Keyword, "a fox\nParameters: --ar 1:1, Backend: onnx, Model: sd15, Job: 7")] };

        var result = UploadBudget.Fit(TestImages.Noise(256, 256, seed: 2, transparent: false), 100 * 1024, options)!;

        var text = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(result.Png)).Image.Text;
        Assert.Contains(text, static t => t.Keyword == ImageRecipe.Keyword);
    }
}
