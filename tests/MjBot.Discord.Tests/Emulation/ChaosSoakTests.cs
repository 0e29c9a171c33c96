using System.Diagnostics;
using MjBot.DiscordEmulator;
using MjBot.DiscordEmulator.State;
using Xunit.Abstractions;

namespace MjBot.Discord.Tests.Emulation;

/// <summary>2,000 slash commands while the emulator drops the connection, withholds heartbeat ACKs, asks for
/// reconnects and invalidates the session: every interaction still gets exactly one initial response within 3 s of its
/// dispatch, and the client identifies only when a session was really lost. The faults come from a seeded sequence at
/// fixed points of the command stream (every 100 commands, each once the previous one has been recovered from), so a
/// run does not depend on how fast this machine is: the same faults hit the same commands every time.</summary>
public sealed class ChaosSoakTests(ITestOutputHelper output)
{
    private const int Commands = 2000;
    private const int CommandsPerFault = 100;

    [Fact]
    public async Task Soak_TwoThousandCommandsUnderConnectionChaos_EachAnsweredOnceWithinThreeSeconds()
    {
        await using var bot = await ConnectedBot.StartAsync(new EmulatorOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(500) });
        var random = new Random(2026);
        var clock = Stopwatch.StartNew();
        var faults = new Dictionary<string, int>(StringComparer.Ordinal) { ["drop"] = 0, ["withheld acks"] = 0, ["op 7"] = 0, ["op 9 false"] = 0 };
        var interactions = new List<EmulatedInteraction>(Commands);
        for (var i = 0; i < Commands; i++)
        {
            if (i > 0 && i % CommandsPerFault == 0)
            {
                await InjectFaultAsync(bot, random.Next(100), faults);
            }

            interactions.Add(await bot.Emulator.RunSlashCommandAsync("imagine"));
            await Task.Delay(i % 3 == 0 ? 20 : 10);
        }

        await bot.UntilAsync(() => interactions.All(static i => i.ResponseType is not null), "every initial response", TimeSpan.FromSeconds(30));
        clock.Stop();

        var latencies = interactions.Select(static i => (i.RespondedAt!.Value - i.DispatchedAt!.Value).TotalMilliseconds).Order().ToList();
        var gateway = bot.Emulator.Gateway;
        output.WriteLine(
            $"{Commands} commands in {clock.Elapsed.TotalSeconds:0.0} s; faults: {string.Join(", ", faults.Select(static f => $"{f.Key} {f.Value}"))}; " +
            $"dispatch→ack p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies[^1]:0.0} ms; " +
            $"connections {gateway.Connections}, identifies {gateway.Identifies}, resumes {gateway.Resumes}, zombies seen {bot.Gateway.Counters.Zombies}");
        Assert.Equal(Commands / CommandsPerFault - 1, faults.Values.Sum());
        Assert.All(interactions, static i => Assert.Equal(1, i.ResponseAttempts));
        Assert.All(interactions, static i => Assert.True(i.RespondedAt - i.DispatchedAt < TimeSpan.FromSeconds(3)));
        Assert.Equal(1 + faults["op 9 false"], gateway.Identifies);
        Assert.True(gateway.Resumes >= faults["drop"] + faults["withheld acks"] + faults["op 7"], $"{gateway.Resumes} resumes");
    }

    // Each fault hits a live session (the previous one has been recovered from); the withheld ACKs last until the
    // client has noticed the zombie connection, however long that takes on this machine.
    private static async Task InjectFaultAsync(ConnectedBot bot, int roll, Dictionary<string, int> faults)
    {
        var gateway = bot.Emulator.Gateway;
        await bot.UntilAsync(() => gateway.IsLive, "a live session before the next fault", TimeSpan.FromSeconds(30));
        if (roll < 55)
        {
            faults["drop"]++;
            await gateway.DropAsync();
        }
        else if (roll < 80)
        {
            faults["withheld acks"]++;
            var zombies = bot.Gateway.Counters.Zombies;
            gateway.WithholdAcks = true;
            await bot.UntilAsync(() => bot.Gateway.Counters.Zombies > zombies, "the client to notice the zombie connection", TimeSpan.FromSeconds(30));
            gateway.WithholdAcks = false;
        }
        else if (roll < 92)
        {
            faults["op 7"]++;
            await gateway.RequestReconnectAsync();
        }
        else
        {
            faults["op 9 false"]++;
            await gateway.InvalidateSessionAsync(resumable: false);
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
}
