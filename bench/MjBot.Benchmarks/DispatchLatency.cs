using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using MjBot.Discord;
using MjBot.Discord.Gateway;
using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;

namespace MjBot.Benchmarks;

/// <summary>"discord-latency [N] [rounds]": N slash commands dispatched at once over loopback to the real client
/// (gateway over zlib-stream, dispatcher, REST), whose handler defers each. Two clocks: in the client, from the
/// dispatch decoded to the callback request handed to the HTTP stack; end to end, from the emulator writing the
/// dispatch to the emulator holding the callback. Client and emulator share this machine's cores.</summary>
internal static class DispatchLatency
{
    public static async Task<int> RunAsync(int concurrent, int rounds)
    {
        await using var emulator = await DiscordEmulator.DiscordEmulator.StartAsync();
        var timing = new CallbackTiming();
        var rest = new DiscordRestClient(new HttpClient(timing), new RateLimitTracker(TimeProvider.System, new RateLimitOptions()), TimeProvider.System, new DiscordOptions { ApiBaseAddress = emulator.RestBase, Token = emulator.Options.Token });
        using var stop = new CancellationTokenSource();
        var dispatcher = new InteractionDispatcher(new Defer(rest), NullLogger<InteractionDispatcher>.Instance, stop.Token);
        var gateway = new GatewayClient(rest, timing.Wrap(dispatcher), new GatewayClientOptions { Token = emulator.Options.Token }, TimeProvider.System, NullLogger<GatewayClient>.Instance);
        var running = gateway.RunAsync(stop.Token);
        while (!emulator.Gateway.IsLive)
        {
            await Task.Delay(10);
        }

        Console.WriteLine($"{concurrent} concurrent /imagine commands per round (ms): client = dispatch decoded → callback sent; end to end = dispatch written → callback received");
        for (var round = 0; round <= rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            var batch = await Task.WhenAll(Enumerable.Range(0, concurrent).Select(_ => emulator.RunSlashCommandAsync("imagine")));
            await Task.WhenAll(batch.Select(static i => i.InitialResponse));
            clock.Stop();
            var endToEnd = batch.Select(static i => (i.RespondedAt!.Value - i.DispatchedAt!.Value).TotalMilliseconds).Order().ToList();
            var client = batch.Select(i => timing.Milliseconds(i.Id)).Order().ToList();
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {(round == 0 ? "warm-up" : $"round {round}")}: client p50 {Percentile(client, 0.5):0.0}, p99 {Percentile(client, 0.99):0.0}; end to end p50 {Percentile(endToEnd, 0.5):0.0}, p99 {Percentile(endToEnd, 0.99):0.0}; batch done in {clock.Elapsed.TotalMilliseconds:0} ms"));
        }

        await stop.CancelAsync();
        await ((Task)running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return 0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];

    private sealed class Defer(DiscordRestClient rest) : IInteractionHandler
    {
        public Task HandleAsync(Interaction interaction, CancellationToken cancellationToken) =>
            rest.RespondAsync(interaction.Id, interaction.Token, new InteractionResponse(InteractionCallbackType.DeferredChannelMessageWithSource), cancellationToken);
    }
}
