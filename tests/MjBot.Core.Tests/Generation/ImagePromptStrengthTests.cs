using MjBot.Core.Generation;

namespace MjBot.Core.Tests.Generation;

public sealed class ImagePromptStrengthTests
{
    [Theory]
    [InlineData(null, 0.70)]
    [InlineData(0.0, 0.95)]
    [InlineData(0.5, 0.825)]
    [InlineData(2.0, 0.45)]
    [InlineData(3.0, 0.20)]
    public void For_ImageWeight_TheDocumentedStrength(double? iw, double strength)
    {
        Assert.Equal(strength, ImagePromptStrength.For(iw), 6);
    }
}
