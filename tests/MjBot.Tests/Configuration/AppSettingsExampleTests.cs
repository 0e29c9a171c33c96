using System.Reflection;
using Microsoft.Extensions.Configuration;
using MjBot.Backends.Onnx;
using MjBot.Backends.OpenAI;
using MjBot.Configuration;
using MjBot.Discord;
using MjBot.Hosting;
using MjBot.ModelHub;
using MjBot.RemoteLinks;
using MjBot.Storage;
using MjBot.Testing;

namespace MjBot.Tests.Configuration;

public sealed class AppSettingsExampleTests
{
    private static readonly string ExamplePath = RepositoryPaths.InRoot("appsettings.example.json");

    [Fact]
    public void Example_CopiedWithOnlyATokenAdded_IsValid()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(ExamplePath)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:Token"] = "MTA5.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB" })
            .Build();
        using var services = ConfigurationLoader.BuildOptionsServices(configuration, RepositoryPaths.Root);

        Assert.Empty(ConfigurationProblems.Find(services));
    }

    [Fact]
    public void Example_AsShipped_AsksForTheTokenAndHoldsNoSecret()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(ExamplePath).Build();
        using var services = ConfigurationLoader.BuildOptionsServices(configuration, RepositoryPaths.Root);

        Assert.Equal(["Discord:Token is missing: the bot token from the Discord Developer Portal (your application → Bot → Reset Token)."], ConfigurationProblems.Find(services));
        Assert.Equal(string.Empty, configuration["Discord:Token"]);
        Assert.Equal(string.Empty, configuration["Backends:OpenAI:ApiKey"]);
        Assert.Equal(string.Empty, configuration["ModelHub:Token"]);
    }

    [Theory]
    [InlineData(typeof(DiscordOptions), "Discord")]
    [InlineData(typeof(BackendsOptions), "Backends")]
    [InlineData(typeof(OpenAIBackendOptions), "Backends:OpenAI")]
    [InlineData(typeof(OnnxBackendOptions), "Backends:Onnx")]
    [InlineData(typeof(StorageOptions), "Storage")]
    [InlineData(typeof(QueueOptions), "Queue")]
    [InlineData(typeof(ModerationOptions), "Moderation")]
    [InlineData(typeof(LinkFetchOptions), "Moderation")]
    [InlineData(typeof(OperationsOptions), "Operations")]
    [InlineData(typeof(ModelHubOptions), "ModelHub")]
    public void Example_DocumentsEverySetting(Type options, string section)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(ExamplePath).Build();
        var documented = configuration.GetSection(section).GetChildren().Select(static c => c.Key).ToHashSet();

        var settings = options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(static p => p.CanWrite).Select(static p => p.Name);

        Assert.All(settings, name => Assert.Contains(name, documented));
    }
}
