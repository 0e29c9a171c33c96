using MjBot.Core.Prompting;

namespace MjBot.Core.Tests.Prompting;

public sealed class MultiPromptTests
{
    [Theory]
    [InlineData("space::2 ship", new[] { "space", "ship" }, new[] { 2.0, 1.0 })]
    [InlineData("space:: ship", new[] { "space", "ship" }, new[] { 1.0, 1.0 })]
    [InlineData("cheese::2 cake", new[] { "cheese", "cake" }, new[] { 2.0, 1.0 })]
    [InlineData("a red::0.5 blue::.25 green", new[] { "a red", "blue", "green" }, new[] { 0.5, 0.25, 1.0 })]
    [InlineData("vibrant tulip fields:: red::-.5", new[] { "vibrant tulip fields", "red" }, new[] { 1.0, -0.5 })]
    [InlineData("a cat::", new[] { "a cat" }, new[] { 1.0 })]
    [InlineData("a cat::3", new[] { "a cat" }, new[] { 3.0 })]
    public void Parse_MultiPrompt_KeepsSegmentsAndWeights(string prompt, string[] texts, double[] weights)
    {
        var job = ParseAssert.Single(prompt);

        Assert.Equal(texts, job.MultiPrompt.Select(static s => s.Text));
        Assert.Equal(weights, job.MultiPrompt.Select(static s => s.Weight));
        Assert.Equal(prompt, job.Prompt); // the weights stay in the text
    }

    [Fact]
    public void Parse_PromptWithoutDoubleColon_HasNoSegments()
    {
        Assert.Empty(ParseAssert.Single("a cat: the sequel").MultiPrompt);
    }

    [Theory]
    [InlineData("hot dog animal::-1", "The multi-prompt weights add up to -1; they must add up to more than 0")]
    [InlineData("a::1 b::-1", "The multi-prompt weights add up to 0; they must add up to more than 0")]
    [InlineData("::2 cat", "The weight `::2` has no text before it")]
    [InlineData("cat::- dog", "A multi-prompt weight must be a number after `::`, e.g. `::2` or `::-0.5`")]
    public void Parse_BadWeights_IsInvalidWeights(string prompt, string message)
    {
        Assert.Equal(message, ParseAssert.Fails(prompt, PromptErrorCode.InvalidWeights).Message);
    }

    [Fact]
    public void Parse_DecimalWeightsOnVersionThree_AreRefused()
    {
        var error = ParseAssert.Fails("a::1.5 b --v 3", PromptErrorCode.InvalidWeights);

        Assert.Equal("Multi-prompt weights must be whole numbers with --version 3", error.Message);
        ParseAssert.Single("a::2 b --v 3");
    }

    [Fact]
    public void Parse_NoTerm_IsAvailableAsNegativeWeight()
    {
        var job = ParseAssert.Single("vibrant tulip fields --no red");

        Assert.Equal(["red"], job.NegativeTerms.ToArray());
        Assert.Equal(-0.5, ImagineRequest.NegativeTermWeight);
    }
}
