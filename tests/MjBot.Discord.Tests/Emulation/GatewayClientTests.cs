using Microsoft.Extensions.Logging;
using MjBot.Discord.Gateway;
using MjBot.DiscordEmulator;
using MjBot.DiscordEmulator.State;

namespace MjBot.Discord.Tests.Emulation;

/// <summary>The gateway client against the loopback emulator, over real sockets: connect, identify, ready, and every
/// way a connection ends.</summary>
public sealed class GatewayClientTests
{
    private const string WrongToken = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GwRong.abcdefghijklmnopqrstuvwxyz0123456";

    private static readonly EmulatorOptions FastHeartbeats = new() { HeartbeatInterval = TimeSpan.FromMilliseconds(150) };

    private static GatewayClientOptions Quick(string token) => new()
    {
        Token = token,
        InvalidSessionDelayMin = TimeSpan.FromMilliseconds(10),
        InvalidSessionDelayMax = TimeSpan.FromMilliseconds(50),
    };

    [Fact]
    public async Task RunAsync_FreshStart_IdentifiesOnceWithNoIntentsOverZlibAndAnswersACommand()
    {
        await using var bot = await ConnectedBot.StartAsync();

        var interaction = await bot.Emulator.RunSlashCommandAsync("imagine");

        Assert.Equal(5, await interaction.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, bot.Emulator.Gateway.Identifies);
        Assert.Equal(0, bot.Emulator.Gateway.LastIntents);
        Assert.Equal(1, bot.Emulator.Gateway.CompressedConnections);
        Assert.Equal(1, bot.Gateway.Counters.Identifies);
        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("Connected to Discord as MjBot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_GuildsIntent_ReadsTheGuildStubsTakesGuildCreateInSequenceAndStillAnswers()
    {
        await using var bot = await ConnectedBot.StartAsync(gateway: static t => new GatewayClientOptions { Token = t, Intents = 1 | (1 << 10) });
        await bot.UntilAsync(() => bot.Gateway.Counters.Dispatches >= 2, "READY and GUILD_CREATE");

        // GUILD_CREATE (a large payload MjBot reads nothing from) counts in the sequence: after a drop, the resume
        // asks from it, and a command dispatched during the drop still arrives and is answered within 3 s.
        await bot.Emulator.Gateway.DropAsync();
        var interaction = await bot.Emulator.RunSlashCommandAsync("imagine");

        Assert.Equal(5, await interaction.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, bot.Emulator.Gateway.Identifies);
        Assert.Equal(1, bot.Emulator.Gateway.Resumes);
        Assert.Equal(1 | (1 << 10), bot.Emulator.Gateway.LastIntents);
        Assert.Contains(bot.Logs.Entries, static e => e.Message.Contains("servers: 1, session started", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Entries, static e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task RunAsync_WithoutCompression_ReadsTextFrames()
    {
        await using var bot = await ConnectedBot.StartAsync(gateway: t => new GatewayClientOptions { Token = t, TransportCompression = false });

        var interaction = await bot.Emulator.RunSlashCommandAsync("imagine");

        Assert.Equal(5, await interaction.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, bot.Emulator.Gateway.CompressedConnections);
    }

    [Fact]
    public async Task RunAsync_HeartbeatInterval_BeatsRepeatedlyAndAtOnceWhenAsked()
    {
        await using var bot = await ConnectedBot.StartAsync(FastHeartbeats);

        await bot.UntilAsync(() => bot.Emulator.Gateway.Heartbeats >= 4, "four heartbeats");
        var before = bot.Emulator.Gateway.Heartbeats;
        await bot.Emulator.Gateway.RequestHeartbeatAsync();
        await bot.UntilAsync(() => bot.Emulator.Gateway.Heartbeats > before, "a heartbeat on op 1");

        Assert.NotNull(bot.Gateway.Latency);
        Assert.Equal(0, bot.Gateway.Counters.Zombies);
    }

    [Fact]
    public async Task RunAsync_DroppedConnectionThatSwallowedDispatches_ResumesAndReplaysEveryOne()
    {
        await using var bot = await ConnectedBot.StartAsync();
        bot.Emulator.Gateway.SwallowDispatches = true;
        var lost = new List<EmulatedInteraction>();
        for (var i = 0; i < 3; i++)
        {
            lost.Add(await bot.Emulator.RunSlashCommandAsync("imagine"));
        }

        bot.Emulator.Gateway.SwallowDispatches = false;
        await bot.Emulator.Gateway.DropAsync();
        var afterDrop = await bot.Emulator.RunSlashCommandAsync("imagine");

        foreach (var interaction in lost.Append(afterDrop))
        {
            Assert.Equal(5, await interaction.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.True(interaction.RespondedAt - interaction.DispatchedAt < TimeSpan.FromSeconds(3));
        }

        Assert.Equal(1, bot.Emulator.Gateway.Identifies);
        Assert.Equal(1, bot.Emulator.Gateway.Resumes);
        Assert.Equal(1, bot.Gateway.Counters.Resumed);
    }

    [Fact]
    public async Task RunAsync_AcksWithheld_DetectsTheZombieAndResumes()
    {
        await using var bot = await ConnectedBot.StartAsync(FastHeartbeats);
        bot.Emulator.Gateway.WithholdAcks = true;

        await bot.UntilAsync(() => bot.Gateway.Counters.Zombies >= 1, "zombie detection");
        bot.Emulator.Gateway.WithholdAcks = false;
        await bot.UntilAsync(() => bot.Gateway.Counters.Resumed >= 1, "the resume");
        var interaction = await bot.Emulator.RunSlashCommandAsync("imagine");

        Assert.Equal(5, await interaction.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, bot.Emulator.Gateway.Identifies);
    }

    [Fact]
    public async Task RunAsync_ReconnectRequested_ResumesTheSession()
    {
        await using var bot = await ConnectedBot.StartAsync();

        await bot.Emulator.Gateway.RequestReconnectAsync();
        await bot.UntilAsync(() => bot.Gateway.Counters.Resumed == 1, "the resume after op 7");

        Assert.Equal(1, bot.Emulator.Gateway.Identifies);
        Assert.Equal(2, bot.Emulator.Gateway.Connections);
    }

    [Fact]
    public async Task RunAsync_InvalidSessionResumable_Resumes()
    {
        await using var bot = await ConnectedBot.StartAsync(gateway: Quick);

        await bot.Emulator.Gateway.InvalidateSessionAsync(resumable: true);
        await bot.UntilAsync(() => bot.Gateway.Counters.Resumed == 1, "the resume after op 9 true");

        Assert.Equal(1, bot.Emulator.Gateway.Identifies);
    }

    [Fact]
    public async Task RunAsync_InvalidSessionNotResumable_IdentifiesANewSession()
    {
        await using var bot = await ConnectedBot.StartAsync(gateway: Quick);

        await bot.Emulator.Gateway.InvalidateSessionAsync(resumable: false);
        await bot.UntilAsync(() => bot.Emulator.Gateway.Identifies == 2 && bot.Emulator.Gateway.IsLive, "a new session after op 9 false");
        var interaction = await bot.Emulator.RunSlashCommandAsync("imagine");

        Assert.Equal(5, await interaction.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, bot.Emulator.Gateway.Resumes);
    }

    [Fact]
    public async Task RunAsync_SessionTimedOut4009_IdentifiesANewSession()
    {
        await using var bot = await ConnectedBot.StartAsync();

        await bot.Emulator.Gateway.CloseAsync(4009);
        await bot.UntilAsync(() => bot.Emulator.Gateway.Identifies == 2 && bot.Emulator.Gateway.IsLive, "a new session after 4009");

        Assert.Equal(0, bot.Emulator.Gateway.Resumes);
    }

    [Fact]
    public async Task RunAsync_UnknownErrorClose4000_Resumes()
    {
        await using var bot = await ConnectedBot.StartAsync();

        await bot.Emulator.Gateway.CloseAsync(4000);
        await bot.UntilAsync(() => bot.Gateway.Counters.Resumed == 1, "the resume after 4000");

        Assert.Equal(1, bot.Emulator.Gateway.Identifies);
    }

    [Fact]
    public async Task RunAsync_TokenRejectedByRest_StopsWithOneClearLineAndNoToken()
    {
        await using var bot = await ConnectedBot.StartAsync(token: WrongToken, waitForReady: false);

        var decision = await bot.Running.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(GatewayCloseAction.Stop, decision.Action);
        var critical = Assert.Single(bot.Logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.Contains("rejected the bot token (401 on GET /gateway/bot): set a valid Discord:Token", critical.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongToken, bot.Logs.AllText, StringComparison.Ordinal);
        Assert.Equal(0, bot.Emulator.Gateway.Connections);
    }

    [Fact]
    public async Task RunAsync_TokenRejectedByGateway4004_StopsWithOneClearLineAndNoToken()
    {
        await using var bot = await ConnectedBot.StartAsync(gateway: _ => new GatewayClientOptions { Token = WrongToken }, waitForReady: false);

        var decision = await bot.Running.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(GatewayCloseAction.Stop, decision.Action);
        var critical = Assert.Single(bot.Logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.Contains("rejected the bot token (4004)", critical.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongToken, bot.Logs.AllText, StringComparison.Ordinal);
        Assert.Equal(1, bot.Emulator.Gateway.CloseCodes[4004]);
        Assert.Equal(1, bot.Emulator.Gateway.Connections);
    }

    [Fact]
    public async Task RunAsync_PrivilegedIntent_StopsWith4014()
    {
        await using var bot = await ConnectedBot.StartAsync(gateway: t => new GatewayClientOptions { Token = t, Intents = 1 << 1 }, waitForReady: false);

        var decision = await bot.Running.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(GatewayCloseAction.Stop, decision.Action);
        Assert.Contains("(4014)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_IdentifyBudgetAtItsLastSession_WaitsInsteadOfIdentifying()
    {
        await using var bot = await ConnectedBot.StartAsync(new EmulatorOptions { SessionStartRemaining = 1 }, waitForReady: false);

        await bot.UntilAsync(() => bot.Logs.Entries.Any(e => e.Message.Contains("identify budget is spent", StringComparison.Ordinal)), "the budget warning");

        Assert.Equal(0, bot.Emulator.Gateway.Identifies);
        Assert.False(bot.Running.IsCompleted);
    }

    [Fact]
    public async Task RunAsync_SameInteractionDispatchedTwice_HandlesItOnce()
    {
        var handled = 0;
        await using var bot = await ConnectedBot.StartAsync(handler: (_, _, _) =>
        {
            Interlocked.Increment(ref handled);
            return Task.CompletedTask;
        });
        var interaction = await bot.Emulator.RunSlashCommandAsync("imagine");
        await bot.UntilAsync(() => Volatile.Read(ref handled) == 1, "the first delivery");

        await bot.Emulator.Gateway.DispatchAgainAsync(interaction);

        // The copy is dropped where it arrives, before any handler could start: once that is logged, nothing can follow.
        await bot.UntilAsync(() => bot.Logs.Entries.Any(static e => e.Message.Contains("arrived twice; the copy is dropped", StringComparison.Ordinal)), "the copy dropped");

        Assert.Equal(1, Volatile.Read(ref handled));
    }
}
