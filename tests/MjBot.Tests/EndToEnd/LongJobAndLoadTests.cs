using Microsoft.Extensions.Time.Testing;
using MjBot.DiscordEmulator;
using MjBot.Testing;
using Xunit.Abstractions;

namespace MjBot.Tests.EndToEnd;

/// <summary>A job that outlives its interaction token, and 200 members at once.</summary>
public sealed class LongJobAndLoadTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _data = new();

    [Fact]
    public async Task LongJob_TwentyEmulatorMinutes_StillDeliversWithTheBotToken()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await DiscordEmulator.DiscordEmulator.StartAsync(new EmulatorOptions { Time = clock });
        var backend = new TestBackend.TestBackend();
        backend.Hold();
        await using var bot = await RunningBot.StartAsync(emulator, _data.Path, backend);
        var command = await bot.ImagineAsync("a slow sunrise");
        await bot.UntilAsync(() => command.Original?.Content?.Contains("(50%)", StringComparison.Ordinal) == true, "the job at 50 %");

        clock.Advance(TimeSpan.FromMinutes(20));
        backend.Release();
        var result = await bot.ResultAsync("**a slow sunrise** - ");
        await bot.UntilAsync(() => command.Original!.Deleted, "the status message removed with the bot token");

        // The emulator records a call once its answer is written, a moment after its effect is visible.
        await bot.UntilAsync(() => emulator.Calls.Any(static c => c.Method == "DELETE" && c.Route == "/channels/{channel_id}/messages/{message_id}"), "the recorded delete");

        Assert.Contains(emulator.Calls, static c => c.Route == "/webhooks/{application_id}/{interaction_token}/messages/@original" && c.ErrorCode == 50027);
        Assert.Contains(emulator.Calls, static c => c.Method == "DELETE" && c.Route == "/channels/{channel_id}/messages/{message_id}" && c.Status == 204);
        Assert.Single(result.Attachments);
    }

    [Fact]
    public async Task Load_TwoHundredMembersAtOnce_EveryInteractionAnsweredWithinThreeSeconds()
    {
        await using var emulator = await DiscordEmulator.DiscordEmulator.StartAsync(new EmulatorOptions { GlobalRequestsPerSecond = 1000, MessageBucketLimit = 1000 });
        await using var bot = await RunningBot.StartAsync(emulator, _data.Path, new TestBackend.TestBackend { Concurrency = 8 });
        var members = Enumerable.Range(0, 200).Select(static i => new EmulatedMember(1_000_000_000_000_000UL + (ulong)i, $"member{i}", EmulatedMember.Ordinary.Permissions)).ToList();

        var commands = await Task.WhenAll(members.Select(m => bot.ImagineAsync($"a portrait of {m.Username}", m)));
        await bot.UntilAsync(() => commands.All(static c => c.ResponseType is not null), "every acknowledgement", TimeSpan.FromSeconds(30));
        await bot.UntilAsync(() => emulator.Messages.Count(static m => m.InteractionId is null && !m.Deleted && m.Attachments.Count == 1) == 200, "every result", TimeSpan.FromSeconds(90));

        var acks = commands.Select(static c => (c.RespondedAt!.Value - c.DispatchedAt!.Value).TotalMilliseconds).Order().ToList();
        output.WriteLine($"200 /imagine at once: ack p50 {acks[99]:0.0} ms, p99 {acks[197]:0.0} ms, max {acks[^1]:0.0} ms");
        Assert.All(commands, static c => Assert.Equal(5, c.ResponseType));
        Assert.True(acks[^1] < 3000, $"slowest acknowledgement {acks[^1]:0} ms");
    }

    public void Dispose() => _data.Dispose();
}
