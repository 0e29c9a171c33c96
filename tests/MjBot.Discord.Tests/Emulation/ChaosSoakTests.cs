using System.Diagnostics;
using MjBot.DiscordEmulator;
using MjBot.DiscordEmulator.State;
using Xunit.Abstractions;

namespace MjBot.Discord.Tests.Emulation;

/// <summary>2,000 slash commands while the emulator drops the connection every 1–5 s, withholds heartbeat ACKs, asks
/// for reconnects and invalidates the session: every interaction still gets exactly one initial response within 3 s of
/// its dispatch, and the client identifies only when a session was really lost. Bounded to under a minute.</summary>
public sealed class ChaosSoakTests(ITestOutputHelper output)
{
    private const int Commands = 2000;

    [Fact]
    public async Task Soak_TwoThousandCommandsUnderConnectionChaos_EachAnsweredOnceWithinThreeSeconds()
    {
        await using var bot = await ConnectedBot.StartAsync(new EmulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(500) });
        var random = new Random(2026);
        var clock = Stopwatch.StartNew();
        using var sending = new CancellationTokenSource();
        var faults = new Dictionary<string, int>(StringComparer.Ordinal) { ["drop"] = 0, ["withheld acks"] = 0, ["op 7"] = 0, ["op 9 false"] = 0 };
        var chaos = Task.Run(async () =>
        {
            while (!sending.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1000, 5000)), CancellationToken.None);
                var roll = random.Next(100);
                if (roll < 55)
                {
                    faults["drop"]++;
                    await bot.Emulator.Gateway.DropAsync();
                }
                else if (roll < 80)
                {
                    faults["withheld acks"]++;
                    bot.Emulator.Gateway.WithholdAcks = true;
                    await Task.Delay(1200, CancellationToken.None);
                    bot.Emulator.Gateway.WithholdAcks = false;
                }
                else if (roll < 92)
                {
                    faults["op 7"]++;
                    await bot.Emulator.Gateway.RequestReconnectAsync();
                }
                else
                {
                    faults["op 9 false"]++;
                    await bot.Emulator.Gateway.InvalidateSessionAsync(resumable: false);
                }
            }
        });

        var interactions = new List<EmulatedInteraction>(Commands);
        for (var i = 0; i < Commands; i++)
        {
            interactions.Add(await bot.Emulator.RunSlashCommandAsync("imagine"));
            await Task.Delay(i % 3 == 0 ? 20 : 10);
        }

        await sending.CancelAsync();
        await chaos;
        await bot.UntilAsync(() => interactions.All(static i => i.ResponseType is not null), "every initial response", TimeSpan.FromSeconds(20));
        clock.Stop();

        var latencies = interactions.Select(static i => (i.RespondedAt!.Value - i.DispatchedAt!.Value).TotalMilliseconds).Order().ToList();
        var gateway = bot.Emulator.Gateway;
        output.WriteLine(
            $"{Commands} commands in {clock.Elapsed.TotalSeconds:0.0} s; faults: {string.Join(", ", faults.Select(static f => $"{f.Key} {f.Value}"))}; " +
            $"dispatch→ack p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies[^1]:0.0} ms; " +
            $"connections {gateway.Connections}, identifies {gateway.Identifies}, resumes {gateway.Resumes}, zombies seen {bot.Gateway.Counters.Zombies}");
        Assert.All(interactions, static i => Assert.Equal(1, i.ResponseAttempts));
        Assert.All(interactions, static i => Assert.True(i.RespondedAt - i.DispatchedAt < TimeSpan.FromSeconds(3)));
        Assert.Equal(1 + faults["op 9 false"], gateway.Identifies);
        Assert.True(gateway.Resumes >= faults["drop"], $"{gateway.Resumes} resumes for {faults["drop"]} drops");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
}
