using System.Diagnostics;
using MjBot.DiscordEmulator;
using MjBot.Storage;
using MjBot.Testing;

namespace MjBot.Tests.EndToEnd;

/// <summary>A real mjbot process (the host plus the test backend) killed with SIGKILL mid-job, then started again:
/// every job reaches a final state and its result is posted exactly once. And SIGTERM (what `docker stop` sends)
/// mid-job: the job finishes within the grace period, or, past it, goes back to the queue and completes after the
/// restart, which resumes the gateway session the stop kept.</summary>
public sealed partial class CrashRecoveryTests : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    [Fact]
    public async Task KillMidJob_ThenRestart_EveryJobFinishesAndIsPostedOnce()
    {
        await using var emulator = await DiscordEmulator.DiscordEmulator.StartAsync();
        var prompts = Enumerable.Range(0, 6).Select(static i => $"crash test {i}").ToList();
        var first = Start(emulator);
        try
        {
            await Until(() => emulator.Gateway.IsLive, "the first process to connect", first);
            for (var i = 0; i < prompts.Count; i++)
            {
                await emulator.RunSlashCommandAsync("imagine", [new System.Text.Json.Nodes.JsonObject { ["name"] = "prompt", ["type"] = 3, ["value"] = prompts[i] }], i % 2 == 0 ? EmulatedMember.Ordinary : EmulatedMember.Moderator);
            }

            // Kill in the middle of a job (at 25 % or 50 %, with 1.5 s per job), after at least one result.
            await Until(() => Results(emulator).Count >= 1 && emulator.Interactions.Any(static i => i.Original is { Deleted: false, Content: { } c } && (c.Contains("(25%)", StringComparison.Ordinal) || c.Contains("(50%)", StringComparison.Ordinal))), "a result posted and a job half done", first, TimeSpan.FromSeconds(60));
        }
        finally
        {
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var second = Start(emulator);
        try
        {
            await Until(() => prompts.All(p => Results(emulator).Any(m => m.Content!.StartsWith($"**{p}** - ", StringComparison.Ordinal))), "every result after the restart", second, TimeSpan.FromSeconds(60));

            // A killed process keeps no session, so nothing it had already handled can be replayed: a new session.
            Assert.Equal(2, emulator.Gateway.Identifies);
            Assert.Equal(0, emulator.Gateway.Resumes);
            Assert.True(emulator.Calls.Any(static c => c.Method == "PATCH" && c.JsonBody?.Contains("MjBot restarted; the job is back in the queue", StringComparison.Ordinal) == true), string.Join("\n", emulator.Calls.Where(static c => c.Method == "PATCH").Select(static c => c.JsonBody)));
        }
        finally
        {
            // SIGTERM, as `docker stop` sends: the host stops gracefully.
            Assert.Equal(0, NativeSignals.Kill(second.Id, NativeSignals.SigTerm));

            await second.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        // The process has exited, so nothing more can be posted: each result is there exactly once.
        Assert.All(prompts, p => Assert.Single(Results(emulator), m => m.Content!.StartsWith($"**{p}** - ", StringComparison.Ordinal)));
        await using var database = await SqliteDatabase.OpenAsync(Path.Combine(_data.Path, "mjbot.db"), CancellationToken.None);
        var jobs = new SqliteJobStore(database);
        Assert.Empty(await jobs.ActiveAsync(CancellationToken.None));
        Assert.Empty(await jobs.UndeliveredAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SecondProcessOnOneDataFolder_RefusesNamingTheFirst_AndStartsOnceTheFirstIsKilled()
    {
        await using var emulator = await DiscordEmulator.DiscordEmulator.StartAsync();
        var first = Start(emulator);
        try
        {
            await Until(() => emulator.Gateway.IsLive, "the first process to connect", first);
            var second = Start(emulator);
            await second.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(69, second.ExitCode);
            Assert.Contains(_output, l => l.Contains($"Another MjBot process (process {first.Id} on {Environment.MachineName}", StringComparison.Ordinal)
                && l.Contains("is using the data folder", StringComparison.Ordinal));
            Assert.Equal(1, emulator.Gateway.Identifies);
        }
        finally
        {
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        // The lock died with the killed process: the next one starts.
        var third = Start(emulator);
        try
        {
            await Until(() => emulator.Gateway.Identifies == 2 && emulator.Gateway.IsLive, "the next process to connect", third);
        }
        finally
        {
            Assert.Equal(0, NativeSignals.Kill(third.Id, NativeSignals.SigTerm));
            await third.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(0, third.ExitCode);
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(0, false)]
    public async Task SigTermMidJob_WithinOrPastTheGrace_FinishesNowOrAfterTheRestart(int graceSeconds, bool finishesBeforeExit)
    {
        await using var emulator = await DiscordEmulator.DiscordEmulator.StartAsync();
        var grace = new Dictionary<string, string>
        {
            ["Operations:ShutdownGraceSeconds"] = graceSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:Console:FormatterName"] = "json",
        };
        var first = Start(emulator, grace);
        try
        {
            await Until(() => emulator.Gateway.IsLive, "the process to connect", first);
            await emulator.RunSlashCommandAsync("imagine", [new System.Text.Json.Nodes.JsonObject { ["name"] = "prompt", ["type"] = 3, ["value"] = "sigterm test" }]);
            await Until(() => emulator.Interactions.Any(static i => i.Original is { Content: { } c } && c.Contains("(25%)", StringComparison.Ordinal)), "the job a quarter done", first, TimeSpan.FromSeconds(60));
            Assert.Equal(0, NativeSignals.Kill(first.Id, NativeSignals.SigTerm));
            await first.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            first.Kill(entireProcessTree: true);
        }

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(finishesBeforeExit ? 1 : 0, Results(emulator).Count);
        if (!finishesBeforeExit)
        {
            var second = Start(emulator, grace);
            try
            {
                await Until(() => Results(emulator).Count == 1, "the re-queued job's result after the restart", second, TimeSpan.FromSeconds(60));

                // SIGTERM kept the gateway session (close 4000) and the restart resumed it: one IDENTIFY in all.
                Assert.Equal(1, emulator.Gateway.ClientCloseCodes.GetValueOrDefault(4000));
                Assert.Equal(1, emulator.Gateway.Identifies);
                Assert.Equal(1, emulator.Gateway.Resumes);
            }
            finally
            {
                Assert.Equal(0, NativeSignals.Kill(second.Id, NativeSignals.SigTerm));
                await second.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
        }

        Assert.StartsWith("**sigterm test** - ", Assert.Single(Results(emulator)).Content, StringComparison.Ordinal);

        // The container's log format: JSON lines, the job's lines carrying its id.
        var started = _output.Select(static l => System.Text.Json.Nodes.JsonNode.Parse(l)!).First(static l => l["EventId"]!.GetValue<int>() == 15);
        Assert.Matches("^[0-9a-f]{32}$", started["Scopes"]!.AsArray().Single(static s => s!["JobId"] is not null)!["JobId"]!.GetValue<string>());
    }

    public void Dispose() => _data.Dispose();

    private static partial class NativeSignals
    {
        public const int SigTerm = 15;

        [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
        public static partial int Kill(int pid, int signal);
    }

    private static List<DiscordEmulator.State.EmulatedMessage> Results(DiscordEmulator.DiscordEmulator emulator) =>
        [.. emulator.Messages.Where(static m => !m.Deleted && m.InteractionId is null && m.Attachments.Count == 1 && m.Content?.EndsWith("(fast)", StringComparison.Ordinal) == true)];

    private Process Start(DiscordEmulator.DiscordEmulator emulator, Dictionary<string, string>? extra = null)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _data.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MjBot.TestHost.dll"));
        foreach (var (key, value) in RunningBot.Settings(emulator, _data.Path))
        {
            start.Environment["MjBot__" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in extra ?? [])
        {
            start.Environment["MjBot__" + key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["MJBOT_TEST_BACKEND_DELAY_MS"] = "1500";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                _output.Enqueue(line);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static Task Until(Func<bool> condition, string what, Process process, TimeSpan? timeout = null) =>
        Eventually.UntilAsync(condition, what, timeout ?? TimeSpan.FromSeconds(30), () => process.HasExited ? $"the mjbot process exited ({process.ExitCode})" : null);
}
