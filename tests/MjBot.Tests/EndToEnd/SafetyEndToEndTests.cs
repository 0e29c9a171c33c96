using System.Globalization;
using System.Text.Json.Nodes;
using MjBot.Core.Generation;
using MjBot.DiscordEmulator;
using MjBot.DiscordEmulator.State;
using MjBot.Testing;

namespace MjBot.Tests.EndToEnd;

/// <summary>The safety checker between a local model and the channel, end to end: the tiny checker flags the test
/// backend's "crimson" images (solid red); the server's policy and the channel's age restriction decide what is posted,
/// and the moderators see what was blocked, behind a spoiler, in the review channel.</summary>
public sealed class SafetyEndToEndTests : EmulatorTest
{
    private const ulong ReviewChannel = 1100000000000000077;
    private static readonly string Flagged = $"a {TestBackend.TestBackend.FlaggedWord} lantern";

    [Fact]
    public async Task Imagine_FlaggedUnderTheDefaultBlockPolicy_NotPostedMemberToldModeratorsShownBehindASpoiler()
    {
        await using var bot = await StartAsync(withChecker: true);
        await CommandAsync("modconfig", "review-channel", ("channel", ReviewChannel.ToString(CultureInfo.InvariantCulture)));

        var blocked = await bot.ImagineAsync(Flagged);
        await bot.UntilAsync(() => blocked.Original?.Content?.Contains("(blocked: ", StringComparison.Ordinal) == true, "the blocked message");
        await bot.ImagineAsync("a lantern");
        var clean = await bot.ResultAsync("**a lantern** - ");
        EmulatedMessage? desk = null;
        await bot.UntilAsync(() => (desk = Emulator.Messages.FirstOrDefault(static m => m.ChannelId == ReviewChannel)) is not null, "the moderators' copy");

        Assert.Contains("(blocked: the safety checker flagged image 1, 2, 3, 4, so it was not posted; the moderators can see it)", blocked.Original!.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(Emulator.Messages, m => m.ChannelId == DiscordEmulator.DiscordEmulator.ChannelId && m.Content?.StartsWith($"**{Flagged}**", StringComparison.Ordinal) == true && m.Attachments.Count > 0);
        Assert.StartsWith("**Blocked by the safety checker** from <@", desk!.Content, StringComparison.Ordinal);
        Assert.StartsWith("SPOILER_mjbot_a_crimson_lantern_", Assert.Single(desk.Attachments).FileName, StringComparison.Ordinal);
        Assert.DoesNotContain("SPOILER_", Assert.Single(clean.Attachments).FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imagine_FlaggedUnderTheSpoilerPolicy_PostedBehindASpoilerAndSoIsItsU1()
    {
        await using var bot = await StartAsync(withChecker: true);
        await CommandAsync("modconfig", "safety", ("policy", "spoiler"));

        await bot.ImagineAsync(Flagged);
        var grid = await bot.ResultAsync($"**{Flagged}** - ");
        var u1 = await bot.SelectAsync(grid, 1);

        Assert.StartsWith("SPOILER_", Assert.Single(grid.Attachments).FileName, StringComparison.Ordinal);
        Assert.StartsWith("SPOILER_", Assert.Single(u1.Attachments).FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imagine_FlaggedUnderTheAgeRestrictedPolicy_PostedInAnAgeRestrictedChannelBlockedElsewhere()
    {
        await using var bot = await StartAsync(withChecker: true);
        await CommandAsync("modconfig", "safety", ("policy", "age-restricted"));

        Emulator.ChannelNsfw = true;
        await bot.ImagineAsync(Flagged);
        var posted = await bot.ResultAsync($"**{Flagged}** - ");
        Emulator.ChannelNsfw = false;
        var blocked = await bot.ImagineAsync(Flagged + " again");
        await bot.UntilAsync(() => blocked.Original?.Content?.Contains("(blocked: the safety checker flagged", StringComparison.Ordinal) == true, "the blocked message");

        Assert.DoesNotContain("SPOILER_", Assert.Single(posted.Attachments).FileName, StringComparison.Ordinal);

        // Shown again outside an age-restricted channel, the grid or one image taken from it: refused.
        Emulator.ChannelNsfw = true;
        var u2 = await bot.SelectAsync(posted, 2);
        Emulator.ChannelNsfw = false;
        foreach (var message in new[] { posted, u2 })
        {
            var show = await Emulator.RunSlashCommandAsync("show", [new JsonObject { ["name"] = "job_id", ["type"] = 3, ["value"] = MessageButtons.JobIdIn(message) }]);
            await show.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal("The safety checker flagged that job's images; this server shows them only in age-restricted channels.", show.ResponseData!["content"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Imagine_PolicyChosenButNoCheckerConfigured_LocalJobRefusedSayingWhy()
    {
        await using var bot = await StartAsync(withChecker: false);
        var chosen = await CommandAsync("modconfig", "safety", ("policy", "block"));
        Assert.Contains("Images the safety checker flags: block — but no checker is set up here, so local jobs are refused until there is one", chosen.ResponseData!["content"]!.GetValue<string>(), StringComparison.Ordinal);

        var refused = await bot.ImagineAsync("a lantern");
        await bot.UntilAsync(() => refused.Original?.Content?.Contains("(failed: ", StringComparison.Ordinal) == true, "the refusal");

        Assert.Contains("(failed: this server's policy needs the safety checker for local models, and none is set up here", refused.Original!.Content, StringComparison.Ordinal);
    }

    private Task<RunningBot> StartAsync(bool withChecker)
    {
        var backend = new TestBackend.TestBackend();
        backend.Capabilities |= BackendCapabilities.Unfiltered;
        return RunningBot.StartAsync(Emulator, Data.Path, backend, withChecker ? new Dictionary<string, string?> { ["SafetyChecker:Model"] = OnnxTestAssets.Model("tiny-safety-checker") } : null);
    }

    private async Task<EmulatedInteraction> CommandAsync(string command, string subcommand, params (string Name, string Value)[] options)
    {
        var inner = new JsonArray([.. options.Select(static o => (JsonNode)new JsonObject { ["name"] = o.Name, ["type"] = 3, ["value"] = o.Value })]);
        var interaction = await Emulator.RunSlashCommandAsync(command, [new JsonObject { ["name"] = subcommand, ["type"] = 1, ["options"] = inner }], EmulatedMember.Moderator);
        await interaction.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        return interaction;
    }
}
