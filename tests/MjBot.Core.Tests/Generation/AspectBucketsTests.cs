using MjBot.Core.Generation;

namespace MjBot.Core.Tests.Generation;

public sealed class AspectBucketsTests
{
    [Theory]
    [InlineData(1, 1, 1024, 1024)]
    [InlineData(16, 9, 1344, 768)]
    [InlineData(9, 16, 768, 1344)]
    [InlineData(3, 2, 1216, 832)]
    [InlineData(4, 1, 2048, 512)]
    [InlineData(21, 9, 1536, 640)]
    public void Nearest_Native1024_TheTrainingBucket(int w, int h, int width, int height) =>
        Assert.Equal((width, height), AspectBuckets.Nearest(w, h, 1024));

    [Fact]
    public void Nearest_OtherNativeSize_BucketScaledToMultiplesOf8() =>
        Assert.Equal((168, 96), AspectBuckets.Nearest(16, 9, 128));

    [Fact]
    public void All_EveryBucket_SidesMultiplesOf64From512To2048AndAboutAMegapixel()
    {
        Assert.Equal(41, AspectBuckets.All.Count);
        Assert.All(AspectBuckets.All, static b =>
        {
            Assert.Equal(0, b.Width % 64);
            Assert.Equal(0, b.Height % 64);
            Assert.InRange(b.Width, 512, 2048);
            Assert.InRange(b.Width * b.Height, 0.9 * 1024 * 1024, 1.1 * 1024 * 1024);
        });
    }
}
