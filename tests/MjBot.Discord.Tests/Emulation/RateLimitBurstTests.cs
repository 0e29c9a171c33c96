using System.Diagnostics;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.DiscordEmulator;
using Xunit.Abstractions;

namespace MjBot.Discord.Tests.Emulation;

/// <summary>A burst far beyond Discord's per-channel limits: the client paces itself from the bucket headers, so no
/// 429 reaches the caller and the emulator hardly has to refuse anything.</summary>
public sealed class RateLimitBurstTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EditMessageAsync_ThousandEditsAcrossTenChannels_AllLandWithNoUnhandled429()
    {
        // Windows shortened (10 edits per 100 ms per channel) so that the burst takes seconds, not minutes.
        var options = new EmulatorOptions { MessageBucketLimit = 10, MessageBucketWindow = TimeSpan.FromMilliseconds(100), GlobalRequestsPerSecond = 2000 };
        await using var emulator = await DiscordEmulator.DiscordEmulator.StartAsync(options);
        var rest = new DiscordRestClient(
            new HttpClient(),
            new RateLimitTracker(TimeProvider.System, new RateLimitOptions { GlobalRequestsPerSecond = 1000 }),
            TimeProvider.System,
            new DiscordOptions { ApiBaseAddress = emulator.RestBase, Token = options.Token });
        var channels = Enumerable.Range(0, 10).Select(static i => new Snowflake(DiscordEmulator.DiscordEmulator.ChannelId + (ulong)i)).ToList();
        var messages = new List<Message>();
        foreach (var channel in channels)
        {
            messages.Add(await rest.CreateMessageAsync(channel, new ChannelMessageBody { Content = "0%" }, null, MessageLimits.DefaultFileBytes, CancellationToken.None));
        }

        var clock = Stopwatch.StartNew();
        var edits = Enumerable.Range(0, 1000).Select(i =>
        {
            var message = messages[i % 10];
            return rest.EditMessageAsync(message.ChannelId, message.Id, new MessageBody { Content = $"{i / 10}%" }, CancellationToken.None);
        });
        var results = await Task.WhenAll(edits);
        clock.Stop();

        output.WriteLine($"1,000 edits in {clock.Elapsed.TotalSeconds:0.00} s; 429s the emulator answered: {emulator.RateLimited}");
        Assert.Equal(1000, results.Length);
        Assert.All(messages, m => Assert.Equal(100, emulator.Message(m.Id.Value).Edits));
        Assert.Equal(1000, emulator.Calls.Count(static c => c.Method == "PATCH" && c.Status == 200));
        Assert.True(emulator.RateLimited <= 10, $"{emulator.RateLimited} requests met a 429");
    }
}
