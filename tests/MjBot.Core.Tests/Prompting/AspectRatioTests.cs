using MjBot.Core.Prompting;

namespace MjBot.Core.Tests.Prompting;

public sealed class AspectRatioTests
{
    [Theory]
    [InlineData(4032, 3024, 4, 3)]
    [InlineData(1920, 1080, 16, 9)]
    [InlineData(1179, 2556, 6, 13)]
    [InlineData(1000, 1000, 1, 1)]
    [InlineData(60, 40, 3, 2)]
    [InlineData(5000, 100, 16, 1)]
    public void Nearest_ImageSize_SmallWholeNumbers(int width, int height, int ratioWidth, int ratioHeight)
    {
        Assert.Equal(new AspectRatio(ratioWidth, ratioHeight), AspectRatio.Nearest(width, height));
    }
}
