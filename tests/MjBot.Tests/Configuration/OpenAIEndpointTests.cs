using MjBot.Configuration;
using MjBot.Hosting;

namespace MjBot.Tests.Configuration;

/// <summary>The one Azure endpoint form the README gives, and the one it used to give, reach the same v1 API, through
/// the settings the host (and doctor) build.</summary>
public sealed class OpenAIEndpointTests
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
    public void Settings_Endpoint_TheAddressTheSdkIsGiven(string? configured, string? expected)
    {
        var settings = MjBotServices.Settings(new OpenAIOptions { ApiKey = "sk-test", Endpoint = configured, AzureDeployment = "dall-e-3" });

        Assert.Equal(expected, settings.Endpoint?.ToString());
        Assert.Equal("dall-e-3", settings.Model);
    }
}
