using Microsoft.Extensions.Logging;
using MjBot.Discord.Gateway;
using MjBot.DiscordEmulator.State;
using MjBot.Testing;

namespace MjBot.Discord.Tests.Emulation;

/// <summary>A bot process stopped and started again against the same emulator (the same "Discord"), over real
/// sockets: with a session store the second process resumes the first one's session and receives what it missed.</summary>
public sealed class GatewayRestartTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private DiscordEmulator.DiscordEmulator _emulator = null!;

    private string StatePath => _folder.Combine("gateway-session.json");

    public async Task InitializeAsync() => _emulator = await DiscordEmulator.DiscordEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task RunAsync_StoppedAndStartedWithAStore_ResumesAndReceivesWhatTheStopLost()
    {
        var store = new FileGatewaySessionStore(StatePath);
        EmulatedInteraction lost;
        await using (var first = await ConnectedBot.AttachAsync(_emulator, store))
        {
            var answered = await _emulator.RunSlashCommandAsync("imagine");
            Assert.Equal(5, await answered.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10)));

            // Discord logs this one in the session (it has a sequence number) but the stopping process never reads it.
            _emulator.Gateway.SwallowDispatches = true;
            lost = await _emulator.RunSlashCommandAsync("imagine");
            _emulator.Gateway.SwallowDispatches = false;
            await first.StopAsync();
            Assert.True(File.Exists(StatePath), "the session was not kept");
            await first.UntilAsync(() => _emulator.Gateway.ClientCloseCodes.Count > 0, "the emulator to see the close");
        }

        Assert.Equal(1, _emulator.Gateway.ClientCloseCodes.GetValueOrDefault(4000));
        Assert.False(_emulator.Gateway.ClientCloseCodes.ContainsKey(1000));

        await using var second = await ConnectedBot.AttachAsync(_emulator, store);

        Assert.Equal(5, await lost.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, _emulator.Gateway.Identifies);
        Assert.Equal(1, _emulator.Gateway.Resumes);
        Assert.Equal(1, second.Gateway.Counters.Resumed);
        Assert.False(File.Exists(StatePath), "a session kept for one restart must be offered once");
        Assert.Contains(second.Logs.Entries, e => e.Message.Contains("Resuming the gateway session kept at the last stop", StringComparison.Ordinal));
        var afterwards = await _emulator.RunSlashCommandAsync("imagine");
        Assert.Equal(5, await afterwards.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task RunAsync_StoppedWithoutAStore_ClosesWith1000AndKeepsNothing()
    {
        await using (var bot = await ConnectedBot.AttachAsync(_emulator, sessions: null))
        {
            await bot.StopAsync();
            await bot.UntilAsync(() => _emulator.Gateway.ClientCloseCodes.Count > 0, "the emulator to see the close");
        }

        Assert.Equal(1, _emulator.Gateway.ClientCloseCodes.GetValueOrDefault(1000));
        Assert.False(File.Exists(StatePath));
    }

    [Fact]
    public async Task RunAsync_KeptSessionOlderThanTheLimit_IdentifiesAndForgetsIt()
    {
        var store = new FileGatewaySessionStore(StatePath);
        store.Save(new GatewaySessionState("old-session", ResumeUrl, 7, DateTimeOffset.UtcNow - TimeSpan.FromMinutes(10)));

        await using var bot = await ConnectedBot.AttachAsync(_emulator, store);

        Assert.Equal(1, _emulator.Gateway.Identifies);
        Assert.Equal(0, _emulator.Gateway.Resumes);
        Assert.False(File.Exists(StatePath));
        Assert.Contains(bot.Logs.Entries, e => e.Message.Contains("past the 180 s Discord may keep it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_KeptSessionDiscordNoLongerHas_IdentifiesAfterOp9()
    {
        var store = new FileGatewaySessionStore(StatePath);
        store.Save(new GatewaySessionState("ended-session", ResumeUrl, 3, DateTimeOffset.UtcNow));

        await using var bot = await ConnectedBot.AttachAsync(_emulator, store);
        await bot.UntilAsync(() => _emulator.Gateway.Identifies == 1, "the IDENTIFY after op 9");
        await bot.UntilAsync(() => _emulator.Gateway.IsLive, "READY");

        Assert.Equal(1, _emulator.Gateway.Resumes);
        Assert.Equal(1, bot.Gateway.Counters.InvalidSessions);
        var interaction = await _emulator.RunSlashCommandAsync("imagine");
        Assert.Equal(5, await interaction.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task RunAsync_KeptSessionFileUnreadable_SaysSoAndIdentifies()
    {
        await File.WriteAllTextAsync(StatePath, "{\"session_id\": ");

        await using var bot = await ConnectedBot.AttachAsync(_emulator, new FileGatewaySessionStore(StatePath));

        Assert.Equal(1, _emulator.Gateway.Identifies);
        Assert.False(File.Exists(StatePath));
        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("cannot be read (gateway-session.json is not valid JSON", StringComparison.Ordinal));
    }

    private Uri ResumeUrl => new($"ws://{_emulator.Address.Authority}/gateway?v=10&encoding=json&compress=zlib-stream");
}
