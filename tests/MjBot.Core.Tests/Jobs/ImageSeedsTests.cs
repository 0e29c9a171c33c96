using MjBot.Core.Jobs;

namespace MjBot.Core.Tests.Jobs;

public sealed class ImageSeedsTests
{
    [Theory]
    [InlineData("a kettle --seed 77", 1, 77)]
    [InlineData("a kettle --seed 77", 4, 80)]
    [InlineData("a kettle --sameseed 77", 1, 77)]
    [InlineData("a kettle --sameseed 77", 4, 77)]
    [InlineData("a kettle --sameseed", 3, 77)]
    public void Of_GridImage_SeedPlusIndexUnlessSameSeed(string prompt, int image, long expected)
    {
        var job = JobTransitionsTests.Job(user: 1, minute: 0) with { Prompt = prompt, Seed = 77 };

        Assert.Equal(expected, ImageSeeds.Of(job, image));
    }
}
