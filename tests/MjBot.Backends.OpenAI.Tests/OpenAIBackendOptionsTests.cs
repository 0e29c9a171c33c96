namespace MjBot.Backends.OpenAI.Tests;

/// <summary>The Backends:OpenAI section: the one Azure endpoint form the README gives, and the one it used to give,
/// reach the same v1 API; the validator reports every problem, each naming its key.</summary>
public sealed class OpenAIBackendOptionsTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("https://mjbot.openai.azure.com/", "https://mjbot.openai.azure.com/openai/v1/")]
    [InlineData("https://mjbot.openai.azure.com", "https://mjbot.openai.azure.com/openai/v1/")]
    [InlineData("https://mjbot.openai.azure.com/openai/v1/", "https://mjbot.openai.azure.com/openai/v1/")]
    [InlineData("https://mjbot.openai.azure.com/openai/v1", "https://mjbot.openai.azure.com/openai/v1/")]
    [InlineData("https://mjbot.cognitiveservices.azure.com/", "https://mjbot.cognitiveservices.azure.com/openai/v1/")]
    [InlineData("https://proxy.example.com/", "https://proxy.example.com/")]
    [InlineData("http://127.0.0.1:8080/v1", "http://127.0.0.1:8080/v1/")]
    public void EndpointUri_Configured_TheAddressTheSdkIsGiven(string? configured, string? expected)
    {
        var options = new OpenAIBackendOptions { ApiKey = "sk-test", Endpoint = configured, AzureDeployment = "dall-e-3" };

        Assert.Equal(expected, options.EndpointUri()?.ToString());
        Assert.Equal("dall-e-3", options.Model);
    }

    [Fact]
    public void Model_NoAzureDeployment_IsTheImageModel()
    {
        Assert.Equal("gpt-image-1", new OpenAIBackendOptions { ImageModel = "gpt-image-1" }.Model);
    }

    [Fact]
    public void Model_SpacesAroundTheName_TrimmedAndAmongAllModels()
    {
        var options = new OpenAIBackendOptions { ImageModel = " gpt-image-1.5 ", Models = ["gpt-image-1 "] };

        Assert.Equal("gpt-image-1.5", options.Model);
        Assert.Contains(options.Model, options.AllModels);
        Assert.True(new OpenAIBackendOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOneByItsKey()
    {
        var options = new OpenAIBackendOptions { Endpoint = "http://plain.example.com", MaxConcurrency = 0, TimeoutSeconds = 1, DailyGuildCapUsd = -1 };

        var failures = new OpenAIBackendOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, static f => f.StartsWith("Backends:OpenAI:Endpoint", StringComparison.Ordinal));
        Assert.Contains(failures, static f => f.StartsWith("Backends:OpenAI:MaxConcurrency", StringComparison.Ordinal));
        Assert.Contains(failures, static f => f.StartsWith("Backends:OpenAI:TimeoutSeconds", StringComparison.Ordinal));
        Assert.Contains(failures, static f => f.StartsWith("Backends:OpenAI:DailyGuildCapUsd", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new OpenAIBackendOptionsValidator().Validate(null, new OpenAIBackendOptions()).Succeeded);
    }

    [Theory]
    [InlineData("gpt-image-2", true)]
    [InlineData("gpt-image-2-2026-04-21", true)]
    [InlineData("gpt-image-1-mini", true)]
    [InlineData("gpt-image-3", false)]
    public void Validate_ModelsOnOpenAI_OnlyTheImageModelsItHas(string model, bool valid)
    {
        var options = new OpenAIBackendOptions { ImageModel = "gpt-image-1.5", Models = [model] };

        var result = new OpenAIBackendOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.StartsWith($"Backends:OpenAI: the image model \"{model}\" is not one MjBot knows: use gpt-image-2, gpt-image-1.5", Assert.Single(result.Failures!), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_ModelsBesideAnAzureDeployment_Refused()
    {
        var options = new OpenAIBackendOptions { Endpoint = "https://mjbot.openai.azure.com/", AzureDeployment = "images", Models = ["gpt-image-2"] };

        Assert.Contains(new OpenAIBackendOptionsValidator().Validate(null, options).Failures!, static f => f.StartsWith("Backends:OpenAI:Models lists models beside an AzureDeployment", StringComparison.Ordinal));
        Assert.Equal(["images"], options.AllModels);
    }

    [Theory]
    [InlineData(7, 4)]
    [InlineData(16, 9)]
    [InlineData(3, 1)]
    [InlineData(1, 3)]
    [InlineData(21, 9)]
    [InlineData(5, 4)]
    public void FreeSize_AnyRatio_WithinGptImage2sLimits(int width, int height)
    {
        foreach (var pixels in new[] { FreeSize.StandardPixels, FreeSize.LargePixels })
        {
            var (w, h) = FreeSize.For(width, height, pixels);

            Assert.True(w % 16 == 0 && h % 16 == 0, $"{w}x{h}");
            Assert.InRange((long)w * h, FreeSize.MinPixels, FreeSize.ExperimentalAbove);
            Assert.InRange(Math.Max(w, h), 1, FreeSize.MaxEdge);
            Assert.InRange(Math.Abs(Math.Log((double)w / h / ((double)width / height))), 0, 0.02);
        }
    }
}
