namespace MjBot.Imaging.Tests.Operations;

public sealed class ImageRecipeTests
{
    [Fact]
    public void ToText_UsesTheStableDiffusionToolsLayout()
    {
        var recipe = new ImageRecipe("a red fox in snow", "trees, rocks", "--ar 16:9 --s 250", 1234, "onnx", "sd15", "42");

        Assert.Equal("a red fox in snow\nNegative prompt: trees, rocks\nParameters: --ar 16:9 --s 250, Seed: 1234, Backend: onnx, Model: sd15, Job: 42", recipe.ToText());
    }

    [Theory]
    [InlineData("a fox", "", "--ar 1:1", 7ul)]
    [InlineData("a fox, with \"quotes\"", "trees", "--no trees, rocks --s 5", null)]
    [InlineData("🦊 über alles", "a, b", "", 4294967295ul)]
    public void TryParse_WhatToTextWrote_GivesTheRecipeBack(string prompt, string negative, string parameters, ulong? seed)
    {
        var recipe = new ImageRecipe(prompt, negative, parameters, seed, "openai", "dall-e-3", "job-9");

        Assert.Equal(recipe, ImageRecipe.TryParse(recipe.ToText()));
    }

    [Theory]
    [InlineData("just a caption")]
    [InlineData("a fox\nSteps: 20, Sampler: Euler a")]
    [InlineData("a fox\nParameters: \"unterminated, Backend: x, Model: y, Job: 1")]
    public void TryParse_OtherText_IsNull(string text)
    {
        Assert.Null(ImageRecipe.TryParse(text));
    }
}
