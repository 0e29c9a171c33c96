using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MjBot.DiscordEmulator;
using MjBot.DiscordEmulator.State;
using static MjBot.Tests.EndToEnd.MessageButtons;

namespace MjBot.Tests.EndToEnd;

/// <summary>Moderation as members and moderators meet it: the real host, the test backend, the loopback emulator.</summary>
public sealed class ModerationEndToEndTests : EmulatorTest
{
    private const ulong ReviewChannel = 1100000000000000077;
    private const ulong OtherChannel = 1100000000000000088;
    private static readonly EmulatedMember Member = EmulatedMember.Ordinary;
    private static readonly EmulatedMember Moderator = EmulatedMember.Moderator;
    [Fact]
    public async Task Disallow_MemberWithoutManageServer_RefusedAndNothingChanges()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);

        var refused = await CommandAsync("disallow", "add", Member, ("term", "fox"));
        var list = await CommandAsync("disallow", "list", Moderator);
        var log = await CommandAsync("modlog", "show", Moderator);

        Assert.Equal("You need the Manage Server permission on this server to use /disallow.", Text(refused));
        Assert.Contains("no rules of its own", Text(list), StringComparison.Ordinal);
        Assert.Equal("No moderation actions yet.", Text(log));
        var registered = Emulator.Commands(DiscordEmulator.DiscordEmulator.GuildId.ToString(CultureInfo.InvariantCulture))!;
        foreach (var name in new[] { "disallow", "metaprompt", "mjban", "modlog", "modconfig" })
        {
            Assert.Equal("32", registered.Single(c => c!["name"]!.GetValue<string>() == name)!["default_member_permissions"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Imagine_BlockedThenAppealedThenApproved_JobRunsAndEveryStepIsLogged()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);
        await CommandAsync("modconfig", "review-channel", Moderator, ("channel", ReviewChannel.ToString(CultureInfo.InvariantCulture)));
        Assert.StartsWith("Added `fox`", Text(await CommandAsync("disallow", "add", Moderator, ("term", "fox"), ("category", "animals"))), StringComparison.Ordinal);

        var blocked = await bot.ImagineAsync("a f.0.x in snow --ar 2:3");
        await blocked.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("**Prompt blocked**: it touches *animals*", Text(blocked), StringComparison.Ordinal);
        Assert.DoesNotContain("fox", Text(blocked), StringComparison.Ordinal);
        Assert.Equal(64, blocked.ResponseData!["flags"]!.GetValue<int>());

        var appeal = await Emulator.PressButtonAsync(blocked.Original!.Id, CustomId(blocked.Original, "Appeal"), Member);
        await appeal.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("**Appeal sent**", blocked.Original.Content, StringComparison.Ordinal);
        var review = await ReviewMessageAsync(bot);
        Assert.Contains("Appeal of a blocked prompt", review.Content, StringComparison.Ordinal);
        Assert.Contains("a f.0.x in snow --ar 2:3", review.Content, StringComparison.Ordinal);

        var notYours = await Emulator.PressButtonAsync(review.Id, CustomId(review, "Approve"), Member);
        await notYours.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("Only moderators can decide reviews.", Text(notYours));
        await Emulator.PressButtonAsync(review.Id, CustomId(review, "Approve"), Moderator);

        await bot.ResultAsync($"**a f.0.x in snow --ar 2:3** - <@{Member.UserId}>");
        await bot.UntilAsync(() => blocked.Original.Content?.StartsWith("**Approved**", StringComparison.Ordinal) == true, "the member told where they asked");
        Assert.Contains($"**Approved** by <@{Moderator.UserId}>", review.Content, StringComparison.Ordinal);
        Assert.Single(bot.Backend.Requests);
        var log = Text(await CommandAsync("modlog", "show", Moderator));
        Assert.Contains("**review approve**", log, StringComparison.Ordinal);
        Assert.Contains("**appeal**", log, StringComparison.Ordinal);
        Assert.Contains("**disallow add**", log, StringComparison.Ordinal);
        Assert.Contains("**modconfig review-channel**", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imagine_ReviewRuleThenDenied_MemberToldAndNothingRuns()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);
        await CommandAsync("modconfig", "review-channel", Moderator, ("channel", ReviewChannel.ToString(CultureInfo.InvariantCulture)));
        await CommandAsync("disallow", "add", Moderator, ("term", "clowns"), ("action", "review"), ("category", "scary things"));

        var held = await bot.ImagineAsync("a circus full of CLOWNS");
        await held.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("**Under review**: your prompt touches *scary things*", Text(held), StringComparison.Ordinal);
        var review = await ReviewMessageAsync(bot);
        Assert.Contains("`clowns` (word, review)", review.Content, StringComparison.Ordinal);

        var approve = CustomId(review, "Approve");
        await Emulator.PressButtonAsync(review.Id, CustomId(review, "Deny"), Moderator);
        await bot.UntilAsync(() => held.Original?.Content?.StartsWith("**Denied**", StringComparison.Ordinal) == true, "the member told of the denial");
        Assert.Empty(review.Components!);
        var again = await Emulator.PressButtonAsync(review.Id, approve, Moderator);
        await again.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("Already decided: denied.", Text(again));
        Assert.Empty(bot.Backend.Requests);
    }

    [Fact]
    public async Task Review_BanUser_MemberBarredUntilUnbanned()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);
        await CommandAsync("modconfig", "review-channel", Moderator, ("channel", ReviewChannel.ToString(CultureInfo.InvariantCulture)));
        await CommandAsync("disallow", "add", Moderator, ("term", "clowns"), ("action", "review"));
        var held = await bot.ImagineAsync("clowns");
        await held.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        var review = await ReviewMessageAsync(bot);

        await Emulator.PressButtonAsync(review.Id, CustomId(review, "Ban user"), Moderator);
        await bot.UntilAsync(() => held.Original?.Content?.StartsWith("**Denied**, and", StringComparison.Ordinal) == true, "the member told of the ban");
        var barred = await bot.ImagineAsync("a red fox");
        await barred.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("You have been barred from using MjBot on this server: from a review", Text(barred));
        Assert.Contains($"<@{Member.UserId}>", Text(await CommandAsync("mjban", "list", Moderator)), StringComparison.Ordinal);

        await CommandAsync("mjban", "remove", Moderator, ("user", Member.UserId.ToString(CultureInfo.InvariantCulture)));
        await bot.ImagineAsync("a red fox");
        await bot.ResultAsync($"**a red fox** - <@{Member.UserId}>");
    }

    [Fact]
    public async Task DefaultList_BlocksUntilSwitchedOff()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);

        var blocked = await bot.ImagineAsync("two knights with SW0RDS");
        await blocked.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("**Prompt blocked**: it touches *violence and gore*", Text(blocked), StringComparison.Ordinal);
        Assert.DoesNotContain("Appeal", Text(blocked), StringComparison.Ordinal); // no review channel: nowhere to appeal to

        await CommandAsync("disallow", "defaults", Moderator, ("use", "off"));
        await bot.ImagineAsync("two knights with SW0RDS");
        await bot.ResultAsync("**two knights with SW0RDS**");
    }

    [Fact]
    public async Task Quota_OnePerHour_SecondJobRefusedWithWhen()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);
        Assert.Contains("1 jobs per hour", Text(await CommandAsync("modconfig", "quota", Moderator, ("per_hour", 1))), StringComparison.Ordinal);

        await bot.ImagineAsync("a red fox");
        await bot.ResultAsync("**a red fox**");
        var second = await bot.ImagineAsync("a blue fox");
        await second.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Matches(@"^You have reached this server's limit of 1 jobs per hour\. You can start another job <t:\d+:R>\.$", Text(second));
        await bot.ImagineAsync("a green fox", Moderator);
        await bot.ResultAsync("**a green fox**");

        // A member of an exempt role is not limited.
        const ulong Artists = 1100000000000000555;
        await CommandAsync("modconfig", "exempt-role", Moderator, ("role", Artists.ToString(CultureInfo.InvariantCulture)));
        await bot.ImagineAsync("a yellow fox", Member with { Roles = [Artists] });
        await bot.ResultAsync("**a yellow fox**");
    }

    [Fact]
    public async Task Metaprompt_SetThenShownThenReset_BackendGetsItAndTheBlockedTerms()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);
        Assert.Contains("not safe for work or appropriate for children: swords, violence", Text(await CommandAsync("metaprompt", "show", Moderator)), StringComparison.Ordinal);
        await CommandAsync("metaprompt", "set", Moderator, ("text", "Watercolour only."));

        await bot.ImagineAsync("a red fox");
        await bot.ResultAsync("**a red fox**");
        await CommandAsync("metaprompt", "reset", Moderator);
        await bot.ImagineAsync("a blue fox");
        await bot.ResultAsync("**a blue fox**");

        var (first, second) = (bot.Backend.Requests.First(), bot.Backend.Requests.Last());
        Assert.Equal("Watercolour only.", first.Metaprompt);
        Assert.StartsWith("The image needs to be safe for work", second.Metaprompt, StringComparison.Ordinal);
        Assert.Contains("adult themes", first.SafetyNegatives);
    }

    [Fact]
    public async Task ChannelAllowList_OtherChannelsRefused()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);
        await CommandAsync("modconfig", "channel", Moderator, ("channel", OtherChannel.ToString(CultureInfo.InvariantCulture)));

        var refused = await bot.ImagineAsync("a red fox");
        await refused.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal($"MjBot is not enabled in this channel. Use it in <#{OtherChannel}>.", Text(refused));
    }

    [Fact]
    public async Task ExportThenImport_RulesCarryOverAndBadEntriesAreReported()
    {
        var overrides = new Dictionary<string, string?> { ["Moderation:AllowHttpImageLinks"] = "true", ["Moderation:TrustedLinkHosts:0"] = "127.0.0.1" };
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path, overrides: overrides);
        await CommandAsync("disallow", "add", Moderator, ("term", @"fox(es)?\s+in"), ("mode", "regex"), ("category", "foxes"));
        var export = await CommandAsync("disallow", "export", Moderator);
        var file = Assert.Single(export.Original!.Attachments);
        Assert.Equal("disallow-list.json", file.FileName);
        var json = JsonNode.Parse(file.Content)!;
        json["rules"]!.AsArray().Add(new JsonObject { ["term"] = "clowns", ["action"] = "review" });
        json["rules"]!.AsArray().Add(new JsonObject { ["term"] = "(broken", ["mode"] = "regex" });
        await CommandAsync("disallow", "remove", Moderator, ("term", @"fox(es)?\s+in"));

        var (id, resolved) = Emulator.Upload("list.json", Encoding.UTF8.GetBytes(json.ToJsonString()), "application/json");
        var import = await Emulator.RunSlashCommandAsync("disallow", Sub("import", ("file", id)), Moderator, resolved: resolved);
        await bot.UntilAsync(() => import.Original?.Content?.StartsWith("Imported", StringComparison.Ordinal) == true, "the import report");

        Assert.StartsWith("Imported: 2 added, 0 updated, 1 skipped.\n• entry 3: That is not a valid regular expression", import.Original!.Content, StringComparison.Ordinal);
        var test = await CommandAsync("disallow", "test", Moderator, ("prompt", "two foxes   in the snow"));
        Assert.Equal(@"Matches `fox(es)?\s+in` (regex, block, *foxes*).", Text(test));
    }

    private static string Text(EmulatedInteraction interaction) => interaction.ResponseData?["content"]?.GetValue<string>() ?? interaction.Original?.Content ?? string.Empty;

    private static JsonArray Sub(string name, params (string Name, object Value)[] options)
    {
        var inner = new JsonArray();
        foreach (var (optionName, value) in options)
        {
            inner.Add(new JsonObject { ["name"] = optionName, ["type"] = value is int ? 4 : 3, ["value"] = value is int n ? n : JsonValue.Create((string)value) });
        }

        return [new JsonObject { ["name"] = name, ["type"] = 1, ["options"] = inner }];
    }

    private async Task<EmulatedInteraction> CommandAsync(string command, string subcommand, EmulatedMember member, params (string Name, object Value)[] options)
    {
        var interaction = await Emulator.RunSlashCommandAsync(command, Sub(subcommand, options), member);
        await interaction.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        return interaction;
    }

    private async Task<EmulatedMessage> ReviewMessageAsync(RunningBot bot)
    {
        EmulatedMessage? found = null;
        await bot.UntilAsync(() => (found = Emulator.Messages.FirstOrDefault(m => m.ChannelId == ReviewChannel && !m.Deleted)) is not null, "the review channel's message");
        return found!;
    }
}
