namespace MjBot.ImageCodecs.Tests;

public sealed class ImageDecodingOptionsValidatorTests
{
    [Theory]
    [InlineData(50, true)]
    [InlineData(1, true)]
    [InlineData(268, true)]
    [InlineData(0.5, false)]
    [InlineData(300, false)]
    public void Validate_MaxImageMegapixels_OneTo268(double megapixels, bool valid)
    {
        var result = new ImageDecodingOptionsValidator().Validate(null, new ImageDecodingOptions { MaxImageMegapixels = megapixels });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Moderation:MaxImageMegapixels", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
