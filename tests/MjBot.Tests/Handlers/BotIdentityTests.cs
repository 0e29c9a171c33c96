using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MjBot.Discord;
using MjBot.Gateway;
using MjBot.Testing;

namespace MjBot.Tests.Handlers;

public sealed class BotIdentityTests : IDisposable
{
    private readonly CapturingLoggerProvider _logs = new();
    private readonly LoggerFactory _factory;

    public BotIdentityTests() => _factory = new LoggerFactory([_logs]);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ApplicationId_Configured_IsKnownBeforeAnyReady()
    {
        var identity = Identity(configured: 42);

        Assert.True(identity.ApplicationId.IsCompletedSuccessfully);
        Assert.Equal(42UL, await identity.ApplicationId);
    }

    [Fact]
    public async Task ApplicationId_NotConfigured_WaitsForDiscord()
    {
        var identity = Identity(configured: null);
        Assert.False(identity.ApplicationId.IsCompleted);

        identity.Learned(7);

        Assert.Equal(7UL, await identity.ApplicationId);
        Assert.Empty(_logs.Entries);
    }

    [Fact]
    public void Learned_DisagreesWithTheConfiguredId_WarnsWithBothIds()
    {
        var identity = Identity(configured: 42);

        identity.Learned(43);

        var warning = Assert.Single(_logs.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Discord:ApplicationId is 42, but Discord says this bot's application is 43", warning.Message, StringComparison.Ordinal);
    }

    private BotIdentity Identity(ulong? configured) =>
        new(Options.Create(new DiscordOptions { ApplicationId = configured }), _factory.CreateLogger<BotIdentity>());
}
