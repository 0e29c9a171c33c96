using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using MjBot.Discord.Gateway;
using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.DiscordEmulator;
using MjBot.Testing;

namespace MjBot.Discord.Tests.Emulation;

/// <summary>The client (REST + gateway + interaction dispatcher) running against a fresh loopback emulator, with every
/// log line captured. The handler answers interactions; by default it defers each one.</summary>
internal sealed class ConnectedBot : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly LoggerFactory _logs;
    private readonly bool _ownsEmulator;

    private ConnectedBot(DiscordEmulator.DiscordEmulator emulator, Func<Interaction, DiscordRestClient, CancellationToken, Task>? handler, GatewayClientOptions? gateway, RateLimitOptions? limits, string? token, IGatewaySessionStore? sessions = null, bool ownsEmulator = true)
    {
        _ownsEmulator = ownsEmulator;
        Emulator = emulator;
        Logs = new CapturingLoggerProvider();
        _logs = new LoggerFactory([Logs]);
        Rest = new DiscordRestClient(
            new HttpClient(),
            new RateLimitTracker(TimeProvider.System, limits ?? new RateLimitOptions()),
            TimeProvider.System,
            new DiscordOptions { ApiBaseAddress = emulator.RestBase, Token = token ?? emulator.Options.Token });
        handler ??= static (interaction, rest, ct) => rest.RespondAsync(interaction.Id, interaction.Token, new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource), ct);
        Dispatcher = new InteractionDispatcher(new DelegateHandler(handler, Rest, Received), _logs.CreateLogger<InteractionDispatcher>(), _stop.Token);
        var options = gateway ?? new GatewayClientOptions { Token = token ?? emulator.Options.Token };
        Gateway = new GatewayClient(Rest, Dispatcher, options, TimeProvider.System, _logs.CreateLogger<GatewayClient>(), sessions);
    }

    public DiscordEmulator.DiscordEmulator Emulator { get; }

    public DiscordRestClient Rest { get; }

    public GatewayClient Gateway { get; }

    public InteractionDispatcher Dispatcher { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>Gets every interaction the client handed to the handler, by id.</summary>
    public ConcurrentDictionary<ulong, Interaction> Received { get; } = new();

    /// <summary>A handler that only records (the test answers by itself).</summary>
    public static Task RecordOnly(Interaction interaction, DiscordRestClient rest, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Gets the gateway client's run; it ends on a fatal close or when the bot is disposed.</summary>
    public Task<GatewayCloseDecision> Running { get; private set; } = Task.FromResult(default(GatewayCloseDecision));

    public static async Task<ConnectedBot> StartAsync(
        EmulatorOptions? emulator = null,
        Func<Interaction, DiscordRestClient, CancellationToken, Task>? handler = null,
        Func<string, GatewayClientOptions>? gateway = null,
        RateLimitOptions? limits = null,
        string? token = null,
        bool waitForReady = true)
    {
        var started = await DiscordEmulator.DiscordEmulator.StartAsync(emulator);
        var bot = new ConnectedBot(started, handler, gateway?.Invoke(token ?? started.Options.Token), limits, token);
        bot.Running = Task.Run(() => bot.Gateway.RunAsync(bot._stop.Token));
        if (waitForReady)
        {
            await bot.UntilAsync(() => started.Gateway.IsLive, "the first READY");
        }

        return bot;
    }

    /// <summary>Starts a client (a bot process, as far as Discord can tell) against an emulator the test owns, keeping
    /// its gateway session in <paramref name="sessions"/> across stops; it waits for READY or RESUMED.</summary>
    public static async Task<ConnectedBot> AttachAsync(DiscordEmulator.DiscordEmulator emulator, IGatewaySessionStore? sessions)
    {
        var bot = new ConnectedBot(emulator, null, null, null, null, sessions, ownsEmulator: false);
        bot.Running = Task.Run(() => bot.Gateway.RunAsync(bot._stop.Token));
        await bot.UntilAsync(() => emulator.Gateway.IsLive, "READY or RESUMED");
        return bot;
    }

    /// <summary>Stops the client as the host does at shutdown, and waits until it has.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await ((Task)Running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Waits (polling) until the condition holds; fails the test with the description after the timeout.</summary>
    public Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(
            condition,
            what,
            timeout ?? TimeSpan.FromSeconds(15),
            () => Running.IsCompleted && Running.Exception is { } failed ? $"the gateway client failed: {failed}" : null,
            () => $"Log:\n{Logs.AllText}");

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_ownsEmulator)
        {
            await Emulator.DisposeAsync();
        }

        _logs.Dispose();
        _stop.Dispose();
    }

    /// <summary>Waits until the client handed the emulated interaction to the handler, and returns the client's typed copy.</summary>
    public async Task<Interaction> ReceivedAsync(MjBot.DiscordEmulator.State.EmulatedInteraction interaction)
    {
        await UntilAsync(() => Received.ContainsKey(interaction.Id), $"interaction {interaction.Id}");
        return Received[interaction.Id];
    }

    private sealed class DelegateHandler(Func<Interaction, DiscordRestClient, CancellationToken, Task> handle, DiscordRestClient rest, ConcurrentDictionary<ulong, Interaction> received) : IInteractionHandler
    {
        public Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
        {
            received[interaction.Id.Value] = interaction;
            return handle(interaction, rest, cancellationToken);
        }
    }
}
