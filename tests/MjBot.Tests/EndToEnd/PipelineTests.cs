using MjBot.DiscordEmulator;
using MjBot.Testing;

namespace MjBot.Tests.EndToEnd;

/// <summary>What a member sees, end to end: the real host, the test backend, the loopback Discord emulator.</summary>
public sealed class PipelineTests : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private DiscordEmulator.DiscordEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await DiscordEmulator.DiscordEmulator.StartAsync();

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Imagine_ThenU2ThenVaryStrongThenReroll_EachPostsMidjourneysMessage()
    {
        await using var bot = await RunningBot.StartAsync(_emulator, _data.Path);
        var member = EmulatedMember.Ordinary;

        var command = await bot.ImagineAsync("a red fox in snow --ar 16:9");
        var grid = await bot.ResultAsync($"**a red fox in snow --ar 16:9** - <@{member.UserId}> (fast)");

        Assert.Equal(5, command.ResponseType);
        Assert.True(command.Original!.Deleted, "the progress message is removed once the result is posted");
        Assert.True(command.Original.Edits >= 2, "waiting and progress edits");
        Assert.Equal(["U1", "U2", "U3", "U4", "🔄"], Labels(grid, 0));
        Assert.Equal(["V1", "V2", "V3", "V4"], Labels(grid, 1));

        var u2 = await _emulator.PressButtonAsync(grid.Id, CustomId(grid, 0, 1));
        await bot.UntilAsync(() => u2.Original?.Attachments.Count == 1, "the U2 image");
        Assert.Equal($"**a red fox in snow --ar 16:9** - Image #2 <@{member.UserId}>", u2.Original!.Content);
        Assert.Equal(["Upscale (Subtle)", "Upscale (Creative)", "Vary (Subtle)", "Vary (Strong)"], Labels(u2.Original, 0));

        var vary = await _emulator.PressButtonAsync(u2.Original.Id, CustomId(u2.Original, 0, 3));
        var variations = await bot.ResultAsync($"**a red fox in snow --ar 16:9** - Variations (Strong) by <@{member.UserId}> (fast)");
        Assert.Equal(5, vary.ResponseType);

        await _emulator.PressButtonAsync(variations.Id, CustomId(variations, 0, 4));
        await bot.UntilAsync(() => _emulator.Messages.Count(m => !m.Deleted && m.Content == grid.Content && m.Attachments.Count == 1) == 2, "the re-roll");
        Assert.Equal(3, bot.Backend.Requests.Count);
    }

    // A button without a label (🔄) reads as its emoji.
    private static string[] Labels(DiscordEmulator.State.EmulatedMessage message, int row) =>
        [.. message.Components![row]!["components"]!.AsArray().Select(static c => c!["label"]?.GetValue<string>() ?? c["emoji"]!["name"]!.GetValue<string>())];

    private static string CustomId(DiscordEmulator.State.EmulatedMessage message, int row, int column) =>
        message.Components![row]!["components"]![column]!["custom_id"]!.GetValue<string>();
}
