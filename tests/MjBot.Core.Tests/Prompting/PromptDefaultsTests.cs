using MjBot.Core.Prompting;

namespace MjBot.Core.Tests.Prompting;

public sealed class PromptDefaultsTests
{
    [Theory]
    [InlineData("a fox", "--ar 3:2", null, "a fox --ar 3:2")]
    [InlineData("a fox --ar 16:9", "--ar 3:2", null, "a fox --ar 16:9")]
    [InlineData("a fox --aspect 16:9", "--ar 3:2 --chaos 10", null, "a fox --aspect 16:9 --chaos 10")]
    [InlineData("a fox —ar 16:9", "--ar 3:2", null, "a fox —ar 16:9")]
    [InlineData("a fox —s 250", null, 750, "a fox —s 250")]
    [InlineData("a fox --stylize 250", "--s 50", 750, "a fox --stylize 250")]
    [InlineData("a fox", "--s 50", 750, "a fox --s 50")]
    [InlineData("a fox", null, 750, "a fox --s 750")]
    [InlineData("a fox --niji 6", "--v 7", null, "a fox --niji 6")]
    [InlineData("a fox --sameseed 3", "--seed 9", null, "a fox --sameseed 3")]
    [InlineData("a fox --raw", "--style raw", null, "a fox --raw")]
    [InlineData("a fox --no trees", "--no cars", null, "a fox --no trees --no cars")]
    [InlineData("a fox --ar 16:9", "cinematic --ar 3:2 --tile", null, "a fox --ar 16:9 cinematic --tile")]
    [InlineData("  a fox  ", "  ", null, "a fox")]
    public void Apply_TypedAndDefaults_TypedParametersWinByParameter(string typed, string? suffix, int? stylize, string expected) =>
        Assert.Equal(expected, PromptDefaults.Apply(typed, suffix, stylize));

    [Fact]
    public void Apply_SuffixOverTypedAspect_ParsesWithoutAnyRepeatedParameter()
    {
        var prompt = PromptDefaults.Apply("a red fox —ar 16:9 —s 250", "--ar 3:2 --s 50 --c 10", 750);

        var success = ParseAssert.Succeeds(prompt);

        var parameters = success.Jobs[0].Parameters;
        Assert.Equal(new AspectRatio(16, 9), parameters.Aspect);
        Assert.Equal(250, parameters.Stylize);
        Assert.Equal(10, parameters.Chaos);
    }
}
