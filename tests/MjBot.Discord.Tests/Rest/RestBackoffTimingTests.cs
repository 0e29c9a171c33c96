using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Testing;

namespace MjBot.Discord.Tests.Rest;

/// <summary>The REST client's waits run on its TimeProvider: with FakeTimeProvider a test moves the backoff on itself,
/// instead of waiting for it or assuming how long it took.</summary>
public sealed class RestBackoffTimingTests
{
    [Fact]
    public async Task SendAsync_A502_RetriesOnlyWhenTheBackoffHasPassed()
    {
        await using var emulator = await DiscordEmulator.DiscordEmulator.StartAsync();
        var time = new CountingTimeProvider(DateTimeOffset.UtcNow);
        using var http = new HttpClient();
        var rest = new DiscordRestClient(http, new RateLimitTracker(time, new RateLimitOptions()), time, new DiscordOptions { ApiBaseAddress = emulator.RestBase, Token = emulator.Options.Token });
        emulator.RestFaults.Fail(502, 1, "/channels/{channel_id}/messages");

        var posting = rest.CreateMessageAsync(new Snowflake(DiscordEmulator.DiscordEmulator.ChannelId), new ChannelMessageBody { Content = "hello" }, null, MessageLimits.DefaultFileBytes, CancellationToken.None);
        await Eventually.UntilAsync(() => emulator.Calls.Any(static c => c.Status == 502), "the first answer, a 502");

        // Move time only once the client waits on it (its backoff timer exists), never before.
        await Eventually.UntilAsync(() => time.TimersCreated == 1, "the client to start its backoff");

        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(posting.IsCompleted);
        Assert.Single(emulator.Calls, static c => c.Route == "/channels/{channel_id}/messages");

        time.Advance(TimeSpan.FromMilliseconds(1));
        var message = await posting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("hello", message.Content);
        Assert.Equal([502, 200], emulator.Calls.Where(static c => c.Route == "/channels/{channel_id}/messages").Select(static c => c.Status));
    }
}
