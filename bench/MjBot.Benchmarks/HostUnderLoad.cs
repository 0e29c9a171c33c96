using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using MjBot.DiscordEmulator;

namespace MjBot.Benchmarks;

/// <summary>"host-load": the real host (with the test backend) as a child process against the loopback emulator.
/// Measures its resident memory idle, then with 1,000 waiting jobs, then the acknowledgement time of 500 /imagine
/// commands sent at once (emulator clock: dispatch written → callback received).</summary>
internal static class HostUnderLoad
{
    public static async Task<int> RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mjbot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await using var emulator = await DiscordEmulator.DiscordEmulator.StartAsync(new EmulatorOptions { GlobalRequestsPerSecond = 10_000, MessageBucketLimit = 10_000 });
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MjBot.TestHost.dll"));
        start.Environment["MjBot__Discord__Token"] = emulator.Options.Token;
        start.Environment["MjBot__Discord__ApiBaseAddress"] = emulator.RestBase.ToString();
        start.Environment["MjBot__Backends__Default"] = "test";
        start.Environment["MjBot__Storage__DataFolder"] = folder;
        start.Environment["MjBot__Queue__MaxWaitingPerUser"] = "1000";
        start.Environment["MjBot__Logging__LogLevel__Default"] = "Warning";
        start.Environment["MJBOT_TEST_BACKEND_DELAY_MS"] = "600000";
        using var host = Process.Start(start)!;
        host.OutputDataReceived += (_, _) => { };
        host.ErrorDataReceived += (_, _) => { };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            while (!emulator.Gateway.IsLive)
            {
                await Task.Delay(50);
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
            var cold = RssMiB(host);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle, cold (connected, nothing queued yet): RSS {cold:0.0} MiB"));

            // Warm-up: 50 jobs queued and cancelled, so the code paths are compiled before the per-job cost is measured.
            var warm = new List<MjBot.DiscordEmulator.State.EmulatedInteraction>();
            for (var i = 0; i < 50; i++)
            {
                warm.Add(await emulator.RunSlashCommandAsync("imagine", Prompt($"warm-up {i}"), new EmulatedMember(4_000_000_000_000_000UL + (ulong)i, $"w{i}", EmulatedMember.Ordinary.Permissions)));
            }

            while (warm.Any(static w => w.Original?.Components is not { Count: > 0 }))
            {
                await Task.Delay(50);
            }

            foreach (var w in warm)
            {
                var cancel = w.Original!.Components![0]!["components"]![0]!["custom_id"]!.GetValue<string>();
                await emulator.PressButtonAsync(w.Original.Id, cancel, new EmulatedMember(w.UserId, "w", EmulatedMember.Ordinary.Permissions));
            }

            while (warm.Any(static w => w.Original?.Content?.EndsWith("(cancelled)", StringComparison.Ordinal) != true))
            {
                await Task.Delay(50);
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
            var idle = RssMiB(host);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"idle, warm (after 50 jobs queued and cancelled): RSS {idle:0.0} MiB"));

            var members = Enumerable.Range(0, 10).Select(static i => new EmulatedMember(2_000_000_000_000_000UL + (ulong)i, $"m{i}", EmulatedMember.Ordinary.Permissions)).ToList();
            for (var i = 0; i < 1000; i++)
            {
                await emulator.RunSlashCommandAsync("imagine", Prompt($"queued job {i}"), members[i % members.Count]);
            }

            while (emulator.Interactions.Count(static x => x.Original?.Content?.Contains("Waiting to start", StringComparison.Ordinal) == true) < 990)
            {
                await Task.Delay(100);
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
            var loaded = RssMiB(host);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"1,000 jobs waiting: RSS {loaded:0.0} MiB (+{loaded - idle:0.0} MiB)"));

            var burst = Enumerable.Range(0, 500).Select(static i => new EmulatedMember(3_000_000_000_000_000UL + (ulong)i, $"b{i}", EmulatedMember.Ordinary.Permissions)).ToList();
            var commands = await Task.WhenAll(burst.Select(m => emulator.RunSlashCommandAsync("imagine", Prompt($"burst {m.Username}"), m)));
            while (commands.Any(static c => c.ResponseType is null))
            {
                await Task.Delay(20);
            }

            var acks = commands.Select(static c => (c.RespondedAt!.Value - c.DispatchedAt!.Value).TotalMilliseconds).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"500 /imagine at once: ack p50 {acks[249]:0.0} ms, p99 {acks[494]:0.0} ms, max {acks[^1]:0.0} ms"));
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static JsonArray Prompt(string text) => [new JsonObject { ["name"] = "prompt", ["type"] = 3, ["value"] = text }];

    private static double RssMiB(Process process)
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
        }

        throw new InvalidOperationException("No VmRSS line.");
    }
}
