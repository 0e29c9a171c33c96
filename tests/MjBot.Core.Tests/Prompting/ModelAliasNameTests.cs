using MjBot.Core.Prompting;

namespace MjBot.Core.Tests.Prompting;

public sealed class ModelAliasNameTests
{
    [Theory]
    [InlineData("sdxl-turbo", "sdxl-turbo")]
    [InlineData("stable-diffusion-v1-5-ONNX", "stable-diffusion-v1-5-onnx")]
    [InlineData("SD 2.1 (768)", "sd-2.1-768")]
    [InlineData("--Weird__Name--", "weird__name")]
    [InlineData("???", "model")]
    public void From_AnyName_AnAliasModelAccepts(string name, string expected)
    {
        var alias = ModelAliasName.From(name);

        Assert.Equal(expected, alias);
        Assert.True(ModelAliasName.IsWellFormed(alias));
        Assert.Equal(alias, ParseAssert.Single($"a cat --model {alias}").Parameters.Model);
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("with space")]
    [InlineData("")]
    [InlineData("a/b")]
    public void IsWellFormed_NotWhatModelAccepts_False(string alias) => Assert.False(ModelAliasName.IsWellFormed(alias));
}
