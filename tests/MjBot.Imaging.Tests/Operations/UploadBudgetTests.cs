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

        Assert.True(result.File.Length <= limit, $"{result.File.Length} bytes");
        Assert.True(result.Width < 512 && result.Height < 512);
        Assert.Equal(9, result.CompressionLevel);
        var decoded = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(result.File)).Image;
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

        var text = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(result.File)).Image.Text;
        Assert.Contains(text, static t => t.Keyword == ImageRecipe.Keyword);
    }

    [Fact]
    public void Fit_PngOverTheLimitSmallerFormatFits_ThatFormatAtFullResolution()
    {
        var noise = TestImages.Noise(128, 128, seed: 3, transparent: false);

        var result = UploadBudget.Fit(noise, 4096, fullResolution: (static _ => new byte[3000], "image/webp"))!;

        Assert.Equal(("image/webp", 128, 128, 3000), (result.ContentType, result.Width, result.Height, result.File.Length));
    }

    [Fact]
    public void Fit_SmallerFormatStillOverTheLimit_DownscaledPngInstead()
    {
        var noise = TestImages.Noise(128, 128, seed: 3, transparent: false);

        var result = UploadBudget.Fit(noise, 8192, fullResolution: (static _ => new byte[9000], "image/webp"))!;

        Assert.Equal("image/png", result.ContentType);
        Assert.True(result.Width < 128);
    }
}
