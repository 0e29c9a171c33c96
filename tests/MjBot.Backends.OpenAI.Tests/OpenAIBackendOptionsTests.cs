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
}
