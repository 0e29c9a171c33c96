using Microsoft.Extensions.Time.Testing;
using MjBot.DiscordEmulator;
using MjBot.Testing;
using static MjBot.Tests.EndToEnd.MessageButtons;

namespace MjBot.Tests.EndToEnd;

/// <summary>What a member sees, end to end: the real host, the test backend, the loopback Discord emulator.</summary>
public sealed class PipelineTests : EmulatorTest
{
    [Fact]
    public async Task Imagine_ThenU2ThenVaryStrongThenReroll_EachPostsMidjourneysMessage()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);
        var member = EmulatedMember.Ordinary;

        var command = await bot.ImagineAsync("a red fox in snow --ar 16:9");
        var grid = await bot.ResultAsync($"**a red fox in snow --ar 16:9** - <@{member.UserId}> (fast)");

        await bot.UntilAsync(() => command.Original!.Deleted, "the progress message removed once the result is posted");
        Assert.Equal(5, command.ResponseType);
        Assert.True(command.Original!.Edits >= 2, "waiting and progress edits");
        Assert.Equal(["U1", "U2", "U3", "U4", "🔄"], Labels(grid, 0));
        Assert.Equal(["V1", "V2", "V3", "V4"], Labels(grid, 1));

        var u2 = await Emulator.PressButtonAsync(grid.Id, CustomId(grid, 0, 1));
        await bot.UntilAsync(() => u2.Original?.Attachments.Count == 1, "the U2 image");
        Assert.Equal($"**a red fox in snow --ar 16:9** - Image #2 <@{member.UserId}>", u2.Original!.Content);
        Assert.Equal(["Upscale (Subtle)", "Upscale (Creative)", "Vary (Subtle)", "Vary (Strong)"], Labels(u2.Original, 0));

        var vary = await Emulator.PressButtonAsync(u2.Original.Id, CustomId(u2.Original, 0, 3));
        var variations = await bot.ResultAsync($"**a red fox in snow --ar 16:9** - Variations (Strong) by <@{member.UserId}> (fast)");
        Assert.Equal(5, vary.ResponseType);

        await Emulator.PressButtonAsync(variations.Id, CustomId(variations, 0, 4));
        await bot.UntilAsync(() => Emulator.Messages.Count(m => !m.Deleted && m.Content == grid.Content && m.Attachments.Count == 1) == 2, "the re-roll");
        Assert.Equal(3, bot.Backend.Requests.Count);
    }

    [Fact]
    public async Task Imagine_BadParameter_IsAnEphemeralSentenceAndNoJob()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);

        var command = await bot.ImagineAsync("a fox --ar 16:x");
        await command.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(4, command.ResponseType);
        Assert.Equal(64, command.ResponseData!["flags"]!.GetValue<int>());
        Assert.StartsWith("**Invalid parameter**", command.ResponseData["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(bot.Backend.Requests);
    }

    [Fact]
    public async Task Remix_On_VOpensTheModalAndTheEditedPromptIsUsed()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);
        await bot.ImagineAsync("a lighthouse");
        var grid = await bot.ResultAsync("**a lighthouse** - ");
        var panel = await Emulator.RunSlashCommandAsync("settings");
        await panel.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        var remixToggle = await Emulator.PressButtonAsync(panel.Original!.Id, "mjs:remix");
        await remixToggle.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));

        var v1 = await Emulator.PressButtonAsync(grid.Id, CustomId(grid, 1, 0));
        await v1.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        var modalId = v1.ResponseData!["custom_id"]!.GetValue<string>();
        await Emulator.SubmitModalAsync(modalId, new Dictionary<string, string> { ["prompt"] = "a lighthouse at night" }, fromMessageId: grid.Id);
        await bot.ResultAsync("**a lighthouse at night** - Variations (Strong) by ");

        Assert.Equal(9, v1.ResponseType);
        Assert.Equal("a lighthouse", v1.ResponseData["components"]![0]!["component"]!["value"]!.GetValue<string>());
        Assert.Equal(3, remixToggle.ResponseData!["components"]![2]!["components"]![0]!["style"]!.GetValue<int>());
    }

    [Fact]
    public async Task Buttons_AfterAHostRestart_StillWorkOnTheResumedSession()
    {
        await using (var first = await RunningBot.StartAsync(Emulator, Data.Path))
        {
            await first.ImagineAsync("a quiet harbour");
            await first.ResultAsync("**a quiet harbour** - ");
            Assert.Equal(0, await first.StopAsync());
        }

        await using var second = await RunningBot.StartAsync(Emulator, Data.Path);
        var grid = Emulator.Messages.Single(m => !m.Deleted && m.InteractionId is null && m.Content?.StartsWith("**a quiet harbour** - ", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(Emulator.Messages, m => !m.Deleted && m.InteractionId is not null && m.Content?.StartsWith("**a quiet harbour** - ", StringComparison.Ordinal) == true);
        var u3 = await Emulator.PressButtonAsync(grid.Id, CustomId(grid, 0, 2));
        await second.UntilAsync(() => u3.Original?.Attachments.Count == 1, "U3 after the restart");

        Assert.Contains("Image #3", u3.Original!.Content, StringComparison.Ordinal);

        // The stop kept the session (close 4000), the start resumed it, and, with no READY, asked Discord who it is.
        Assert.Equal(1, Emulator.Gateway.ClientCloseCodes.GetValueOrDefault(4000));
        Assert.Equal(1, Emulator.Gateway.Identifies);
        Assert.Equal(1, Emulator.Gateway.Resumes);
        Assert.Single(Emulator.Calls, static c => c.Method == "GET" && c.Route == "/applications/@me");
    }

    [Fact]
    public async Task Restart_ResumeAfterRestartOff_EndsTheSessionAndSignsInAnew()
    {
        var off = new Dictionary<string, string?> { ["Discord:ResumeAfterRestart"] = "false" };
        await using (var first = await RunningBot.StartAsync(Emulator, Data.Path, overrides: off))
        {
            Assert.Equal(0, await first.StopAsync());
        }

        await using var second = await RunningBot.StartAsync(Emulator, Data.Path, overrides: off);
        await second.ImagineAsync("a second session");
        await second.ResultAsync("**a second session** - ");

        Assert.Equal(1, Emulator.Gateway.ClientCloseCodes.GetValueOrDefault(1000));
        Assert.Equal(2, Emulator.Gateway.Identifies);
        Assert.Equal(0, Emulator.Gateway.Resumes);
        Assert.False(File.Exists(Path.Combine(Data.Path, "gateway-session.json")));
    }

    [Fact]
    public async Task Restart_ACommandReplayedAfterItsThreeSeconds_IsOneWarningLineWithoutAStackTrace()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await DiscordEmulator.DiscordEmulator.StartAsync(new EmulatorOptions { Time = clock });
        DiscordEmulator.State.EmulatedInteraction late;
        await using (var first = await RunningBot.StartAsync(emulator, Data.Path))
        {
            // Sent to the session but never read by the stopping process: the resume replays it, too late to answer.
            emulator.Gateway.SwallowDispatches = true;
            late = await first.ImagineAsync("a command sent during the restart");
            emulator.Gateway.SwallowDispatches = false;
            Assert.Equal(0, await first.StopAsync());
        }

        clock.Advance(TimeSpan.FromSeconds(10));
        var logs = new CapturingLoggerProvider();
        await using var second = await RunningBot.StartAsync(emulator, Data.Path, logging: logs);
        await second.UntilAsync(() => logs.Entries.Any(static e => e.Message.Contains("could no longer be answered", StringComparison.Ordinal)), "the expired interaction's line");

        Assert.Equal(1, emulator.Gateway.Resumes);
        Assert.Null(late.ResponseType);
        Assert.Contains(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains($"Interaction {late.Id} (imagine) could no longer be answered", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Written, static l => l.StartsWith("exception: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QueueFull_ThirteenActiveJobs_TheFourteenthIsRefused()
    {
        var backend = new TestBackend.TestBackend { Concurrency = 8 };
        backend.Hold();
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path, backend);
        for (var i = 0; i < 13; i++)
        {
            var accepted = await bot.ImagineAsync($"job {i}");
            await accepted.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(5, accepted.ResponseType);
        }

        var refused = await bot.ImagineAsync("one too many");
        await refused.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        var other = await bot.ImagineAsync("someone else", EmulatedMember.Moderator);
        await other.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(4, refused.ResponseType);
        Assert.StartsWith("**Queue full**", refused.ResponseData!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(5, other.ResponseType);
        await bot.UntilAsync(() => backend.Requests.Count == 4, "3 of the member's jobs and the other member's running");
        backend.Release();
    }

    [Fact]
    public async Task Cancel_WaitingAndRunningJobs_EndCancelledAndTheBackendStops()
    {
        var backend = new TestBackend.TestBackend { Concurrency = 1 };
        backend.Hold();
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path, backend);
        var commands = new[] { await bot.ImagineAsync("first"), await bot.ImagineAsync("second") };
        static bool Waiting(DiscordEmulator.State.EmulatedInteraction i) => i.Original?.Content?.Contains("Waiting to start", StringComparison.Ordinal) == true;

        // Which command runs is decided by the order the two were handled in: the backend says which it got.
        await bot.UntilAsync(() => backend.Requests.Count == 1 && commands.Count(Waiting) == 1, "one running, one waiting");
        var runningPrompt = backend.Requests.Single().Request.Prompt;
        var running = commands[runningPrompt == "first" ? 0 : 1];
        var waiting = commands[runningPrompt == "first" ? 1 : 0];
        Assert.True(Waiting(waiting), "the job the backend did not get is the one shown waiting");

        var cancelWaiting = await Emulator.PressButtonAsync(waiting.Original!.Id, $"mj:x:{JobIdIn(waiting.Original)}:0");
        var cancelRunning = await Emulator.PressButtonAsync(running.Original!.Id, $"mj:x:{JobIdIn(running.Original)}:0");
        await bot.UntilAsync(() => commands.All(static c => c.Original!.Content!.EndsWith("(cancelled)", StringComparison.Ordinal)), "both cancelled");
        await Task.WhenAll(cancelWaiting.InitialResponse, cancelRunning.InitialResponse).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("Cancelled: the job had not started.", cancelWaiting.ResponseData!["content"]!.GetValue<string>());
        Assert.Equal("Cancelling: the job stops in a moment.", cancelRunning.ResponseData!["content"]!.GetValue<string>());
        Assert.Single(backend.Requests);
    }

    [Fact]
    public async Task Fairness_AQueuesThirtyThenBOne_BStartsWithinOneSlot()
    {
        var backend = new TestBackend.TestBackend { Concurrency = 1, Delay = TimeSpan.FromMilliseconds(40) };
        backend.Hold();
        var settings = new Dictionary<string, string?> { ["Queue:MaxWaitingPerUser"] = "40" };
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path, backend, settings);
        for (var i = 0; i < 30; i++)
        {
            await bot.ImagineAsync($"a{i}");
        }

        await bot.ImagineAsync("b0", EmulatedMember.Moderator);
        await bot.UntilAsync(() => Emulator.Interactions.Count(static i => i.Original?.Content?.Contains("Waiting to start", StringComparison.Ordinal) == true) >= 30, "everything queued");
        backend.Release();
        await bot.UntilAsync(() => backend.Requests.Count >= 3, "three starts");

        // A's commands were handled concurrently, so which of A's jobs runs first is open; B's comes first or second.
        var order = backend.Requests.Select(static r => r.Request.Prompt).Take(3).ToList();
        Assert.Contains("b0", order.Take(2));
        Assert.StartsWith("a", order[0] == "b0" ? order[1] : order[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_Show_AndEnvelopeReaction_ReachTheMember()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);
        await bot.ImagineAsync("a copper kettle --seed 1234");
        var grid = await bot.ResultAsync("**a copper kettle --seed 1234** - ");
        var jobId = JobIdIn(grid);

        var info = await Emulator.RunSlashCommandAsync("info");
        await info.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        var show = await Emulator.RunSlashCommandAsync("show", [new System.Text.Json.Nodes.JsonObject { ["name"] = "job_id", ["type"] = 3, ["value"] = jobId }]);
        await bot.UntilAsync(() => show.Original?.Attachments.Count == 1, "/show");
        await Emulator.AddReactionAsync(grid.Id, "✉️");
        await bot.UntilAsync(() => Emulator.Messages.Any(static m => m.Content?.Contains("Job ID:", StringComparison.Ordinal) == true), "the ✉️ DM");

        Assert.Contains("Today: 1 jobs finished", info.ResponseData!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(grid.Content, show.Original!.Content);
        var dm = Emulator.Messages.Single(static m => m.Content?.Contains("Job ID:", StringComparison.Ordinal) == true);
        Assert.Contains($"Job ID: {jobId}", dm.Content, StringComparison.Ordinal);
        Assert.Contains("seed 1234, 1235, 1236, 1237", dm.Content, StringComparison.Ordinal);
        Assert.Equal(4, dm.Attachments.Count);
    }

    [Fact]
    public async Task Buttons_SomeoneElse_RefusedUntilAModeratorOpensThemToEveryone()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);
        await bot.ImagineAsync("a paper boat");
        var grid = await bot.ResultAsync("**a paper boat** - ");
        var stranger = new EmulatedMember(1_200_000_000_000_000_001, "stranger", EmulatedMember.Ordinary.Permissions);

        var refused = await Emulator.PressButtonAsync(grid.Id, CustomId(grid, 0, 0), stranger);
        await refused.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        var panel = await Emulator.RunSlashCommandAsync("settings", member: EmulatedMember.Moderator);
        await panel.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        var open = await Emulator.PressButtonAsync(panel.Original!.Id, "mjs:open", EmulatedMember.Moderator);
        await open.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        var allowed = await Emulator.PressButtonAsync(grid.Id, CustomId(grid, 0, 0), stranger);
        await bot.UntilAsync(() => allowed.Original?.Attachments.Count == 1, "the stranger's U1");

        Assert.StartsWith("These buttons belong to the job's author", refused.ResponseData!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(3, open.ResponseData!["components"]![3]!["components"]![0]!["style"]!.GetValue<int>());
    }
}
