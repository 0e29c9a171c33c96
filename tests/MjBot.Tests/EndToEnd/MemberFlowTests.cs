using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MjBot.Cli;
using MjBot.Core.Jobs;
using MjBot.DiscordEmulator;
using MjBot.DiscordEmulator.State;
using MjBot.Hosting;
using MjBot.Imaging.Png;
using static MjBot.Tests.EndToEnd.MessageButtons;

namespace MjBot.Tests.EndToEnd;

/// <summary>What members hit, end to end through the emulator (the real host, the test backend): permutations with
/// --repeat, defaults against typed parameters, the server's limits and models, "Queue full", places in line, seeds
/// with --sameseed, the upload limit and the recipe in every posted PNG.</summary>
public sealed class MemberFlowTests : EmulatorTest
{
    private static readonly EmulatedMember Third = new(1_200_000_000_000_000_003, "third", EmulatedMember.Ordinary.Permissions);
    [Fact]
    public async Task Imagine_PermutationsTimesRepeat_EveryJobRunsItsOwnPromptAndNoPlaceIsLeftReserved()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);

        var command = await bot.ImagineAsync("a {red, blue} bird --r 2");
        await bot.UntilAsync(() => Results("a red bird --r 2").Count == 2 && Results("a blue bird --r 2").Count == 2, "four results, two of each");

        Assert.Equal(5, command.ResponseType);
        Assert.Equal(["a blue bird", "a blue bird", "a red bird", "a red bird"], bot.Backend.Requests.Select(static r => r.Request.Prompt).Order(StringComparer.Ordinal));

        // Every place came back (each is released just after its result is posted): a command the size of the whole
        // queue is accepted.
        var queue = bot.Services.GetRequiredService<JobQueue>();
        await bot.UntilAsync(() => queue.RunningCount == 0 && queue.WaitingCount == 0 && queue.ReservedFor(EmulatedMember.Ordinary.UserId) == 0, "every place released");
        var whole = await bot.ImagineAsync("a full queue --r 13");
        await whole.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(5, whole.ResponseType);
    }

    [Fact]
    public async Task Imagine_SuffixAndStylizeDefault_TypedParametersWinUnderAnyAliasOrDash()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);
        var suffix = await Emulator.RunSlashCommandAsync("prefer", [new JsonObject { ["name"] = "suffix", ["type"] = 1, ["options"] = new JsonArray { new JsonObject { ["name"] = "value", ["type"] = 3, ["value"] = "--ar 3:2 --s 50 --chaos 10" } } }]);
        await suffix.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        var panel = await Emulator.RunSlashCommandAsync("settings");
        await panel.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        var stylize = await Emulator.PressButtonAsync(panel.Original!.Id, "mjs:s:750");
        await stylize.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));

        var typed = await bot.ImagineAsync("a fox —aspect 16:9 —s 250");
        await bot.ResultAsync("**a fox —aspect 16:9 —s 250 --chaos 10** - ");
        var plain = await bot.ImagineAsync("a hare");
        await bot.ResultAsync("**a hare --ar 3:2 --s 50 --chaos 10** - ");

        Assert.Equal([5, 5], new[] { typed.ResponseType, plain.ResponseType });
        var fox = bot.Backend.Requests.Single(static r => r.Request.Prompt == "a fox").Request.Parameters;
        Assert.Equal((16, 9, 250, 10), (fox.Aspect!.Value.Width, fox.Aspect.Value.Height, fox.Stylize, fox.Chaos));
        var hare = bot.Backend.Requests.Single(static r => r.Request.Prompt == "a hare").Request.Parameters;
        Assert.Equal((3, 2, 50), (hare.Aspect!.Value.Width, hare.Aspect.Value.Height, hare.Stylize));
    }

    [Fact]
    public async Task Imagine_UnknownModelOrTooManyJobsForThisServer_RefusedAtOnceAndEphemerally()
    {
        var backend = new TestBackend.TestBackend { ModelAliases = new HashSet<string>(StringComparer.Ordinal) { "anime", "test-model" } };
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path, backend, new Dictionary<string, string?> { ["Queue:MaxJobsPerCommand"] = "3" });

        var model = await bot.ImagineAsync("a cat --model nope");
        var many = await bot.ImagineAsync("a {red, green, blue, grey} cat");
        var known = await bot.ImagineAsync("a cat --model anime");
        await Task.WhenAll(model.InitialResponse, many.InitialResponse, known.InitialResponse).WaitAsync(TimeSpan.FromSeconds(10));
        await bot.ResultAsync("**a cat --model anime** - ");

        Assert.Equal((4, 64), (model.ResponseType, model.ResponseData!["flags"]!.GetValue<int>()));
        Assert.Contains("--model must be one of anime, test-model", Text(model), StringComparison.Ordinal);
        Assert.Equal((4, 64), (many.ResponseType, many.ResponseData!["flags"]!.GetValue<int>()));
        Assert.Contains("This prompt expands to more than 3 jobs; the limit is 3 per command", Text(many), StringComparison.Ordinal);
        Assert.Equal(["a cat"], bot.Backend.Requests.Select(static r => r.Request.Prompt));
    }

    [Fact]
    public async Task Imagine_MoreJobsThanTheQueueHolds_TheSentenceNamesTheRealReason()
    {
        var backend = new TestBackend.TestBackend();
        backend.Hold();
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path, backend);

        var tooBig = await bot.ImagineAsync("a cat --r 14");
        await tooBig.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        var ten = await bot.ImagineAsync("a dog --r 10");
        await ten.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        var five = await bot.ImagineAsync("a bird --r 5");
        await five.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        var three = await bot.ImagineAsync("a fish --r 3");
        await three.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        backend.Release();

        Assert.Equal(4, tooBig.ResponseType);
        Assert.Contains("the limit is 13 per command (your queue holds 13 jobs: 3 running and 10 waiting)", Text(tooBig), StringComparison.Ordinal);
        Assert.Equal(5, ten.ResponseType);
        Assert.Equal(4, five.ResponseType);
        Assert.Equal("**Queue full**: this command makes 5 jobs and your queue has room for 3 more. Please wait for a job to finish first, or make fewer jobs.", Text(five));
        Assert.Equal(5, three.ResponseType);
    }

    [Fact]
    public async Task QueuePositions_ThreeMembers_EveryWaitingMessageShowsItsPlaceInTheFairQueue()
    {
        var backend = new TestBackend.TestBackend { Concurrency = 1 };
        backend.Hold();
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path, backend);
        var commands = new List<(string Prompt, EmulatedInteraction Command)>();
        async Task Imagine(string prompt, EmulatedMember member)
        {
            var command = await bot.ImagineAsync(prompt, member);
            await bot.UntilAsync(() => command.Original?.Content?.Contains("Waiting to start", StringComparison.Ordinal) == true || backend.Requests.Count > 0 && prompt == "a1", $"{prompt} shown waiting");
            commands.Add((prompt, command));
        }

        // a1 runs (held); then A waits with ten more, B with five, C with one: more places change at once than one
        // refresh round edits.
        await Imagine("a1", EmulatedMember.Ordinary);
        await bot.UntilAsync(() => backend.Requests.Count == 1, "a1 running");
        for (var i = 2; i <= 11; i++)
        {
            await Imagine($"a{i}", EmulatedMember.Ordinary);
        }

        for (var i = 1; i <= 5; i++)
        {
            await Imagine($"b{i}", EmulatedMember.Moderator);
        }

        await Imagine("c1", Third);

        // B and C were never served, A was: B, C, A, B, A, B, A, B, A, B, then A's rest.
        string[] expected = ["b1", "c1", "a2", "b2", "a3", "b3", "a4", "b4", "a5", "b5", "a6", "a7", "a8", "a9", "a10", "a11"];
        await bot.UntilAsync(
            () => expected.Select((p, i) => (p, i)).All(e => commands.Single(c => c.Prompt == e.p).Command.Original!.Content!.Contains($"Waiting to start: {Ordinal(e.i + 1)} in line", StringComparison.Ordinal)),
            "every place in line shown",
            TimeSpan.FromSeconds(40));
        backend.Release();
        await bot.UntilAsync(() => backend.Requests.Count == 17, "every job started");

        Assert.Equal(["a1", .. expected], backend.Requests.Select(static r => r.Request.Prompt));
    }

    [Fact]
    public async Task Envelope_SameSeedGridAndItsU2_SeedsAsTheImagesWereMade()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);
        await bot.ImagineAsync("a copper kettle --sameseed 77");
        var grid = await bot.ResultAsync("**a copper kettle --sameseed 77** - ");
        var u2 = await bot.SelectAsync(grid, 2);

        await Emulator.AddReactionAsync(grid.Id, "✉️");
        await Emulator.AddReactionAsync(u2.Id, "✉️");
        await bot.UntilAsync(() => Dms().Count == 2, "both ✉️ DMs");

        Assert.Contains(Dms(), static m => m.Content!.Contains("seed 77 (all four images: --sameseed)", StringComparison.Ordinal) && m.Attachments.Count == 4);
        Assert.Contains(Dms(), static m => m.Content!.EndsWith("seed 77", StringComparison.Ordinal) && m.Attachments.Count == 1);
    }

    [Fact]
    public async Task Posting_GridOverTheChannelsLimit_WebPAtFullResolutionAndU2StaysPng()
    {
        // Noise does not compress: a 160² image is about 77 kB as PNG, the grid about 300 kB; the channel takes 150 kB,
        // which the grid meets as WebP at quality 90 and full size, and U2 as the PNG it is.
        var (grid, u2, shown) = await PostNoisyGridU2AndShowAsync(150_000);

        var reader = new MjBot.ImageCodecs.SkiaImageReader(new MjBot.ImageCodecs.ImageDecodingOptions());
        foreach (var (message, format, side) in new[] { (grid, "WebP", 320), (u2, "PNG", 160), (shown, "WebP", 320) })
        {
            var file = message.Attachments[0];
            Assert.InRange(file.Content.Length, 1, 150_000);
            Assert.EndsWith(format == "WebP" ? ".webp" : ".png", file.FileName, StringComparison.Ordinal);
            var read = Assert.IsType<MjBot.Core.Generation.ImageReadResult.Read>(reader.Read(file.Content));
            Assert.Equal((format, side, side), (read.Format, read.SourceWidth, read.SourceHeight));
        }

        Assert.Equal(1235UL, (await InspectAsync(u2.Attachments[0].Content)).GetProperty("seed").GetUInt64());
    }

    [Fact]
    public async Task Posting_EvenWebPOverTheLimit_DownscaledPngsKeepTheirRecipe()
    {
        var (grid, u2, shown) = await PostNoisyGridU2AndShowAsync(20_000);

        Assert.All(new[] { grid, u2, shown }, m => Assert.InRange(m.Attachments[0].Content.Length, 1, 20_000));
        var gridRecipe = await InspectAsync(grid.Attachments[0].Content);
        Assert.Equal("a noisy sea", gridRecipe.GetProperty("prompt").GetString());
        Assert.Equal("ships", gridRecipe.GetProperty("negative_prompt").GetString());
        Assert.Equal("--seed 1234 --no ships", gridRecipe.GetProperty("parameters").GetString());
        Assert.Equal(1234UL, gridRecipe.GetProperty("seed").GetUInt64());
        Assert.Equal(JobIdIn(grid), gridRecipe.GetProperty("job_id").GetString());
        Assert.Equal(1235UL, (await InspectAsync(u2.Attachments[0].Content)).GetProperty("seed").GetUInt64());
        Assert.Equal(JobIdIn(grid), (await InspectAsync(shown.Attachments[0].Content)).GetProperty("job_id").GetString());
    }

    [Fact]
    public async Task Posting_UnderTheLimit_ThePngIsTheStoredOneWithItsRecipeAdded()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);

        await bot.ImagineAsync("a small lake --seed 5");
        var grid = await bot.ResultAsync("**a small lake --seed 5** - ");

        var posted = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(grid.Attachments[0].Content)).Image;
        Assert.Equal((128, 128), (posted.Header.Width, posted.Header.Height));
        Assert.Equal("--seed 5", (await InspectAsync(grid.Attachments[0].Content)).GetProperty("parameters").GetString());
    }

    // Noise does not compress: each tile 160², the grid 320²; the grid, its U2 and /show of the grid posted under the
    // channel's upload limit.
    private async Task<(EmulatedMessage Grid, EmulatedMessage U2, EmulatedMessage Shown)> PostNoisyGridU2AndShowAsync(long limit)
    {
        await using var emulator = await DiscordEmulator.DiscordEmulator.StartAsync(new EmulatorOptions { MaxFileBytes = limit });
        var backend = new TestBackend.TestBackend { Noise = true, Size = 160 };
        await using var bot = await RunningBot.StartAsync(emulator, Data.Path, backend);

        await bot.ImagineAsync("a noisy sea --seed 1234 --no ships");
        var grid = await bot.ResultAsync("**a noisy sea --seed 1234 --no ships** - ");
        var u2 = await bot.SelectAsync(grid, 2);
        var show = await emulator.RunSlashCommandAsync("show", [new JsonObject { ["name"] = "job_id", ["type"] = 3, ["value"] = JobIdIn(grid) }]);
        await bot.UntilAsync(() => show.Original?.Attachments.Count == 1, "/show");
        return (grid, u2, show.Original!);
    }

    private async Task<JsonElement> InspectAsync(byte[] png)
    {
        var file = Path.Combine(Data.Path, $"posted-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, png);
        var output = new StringWriter();
        Assert.Equal(0, await MjBotCommandLine.RunAsync(["inspect", file], new CliContext(output, TextWriter.Null, Data.Path)));
        return JsonDocument.Parse(output.ToString()).RootElement.GetProperty("parameters");
    }

    private List<EmulatedMessage> Results(string prompt) =>
        [.. Emulator.Messages.Where(m => !m.Deleted && m.InteractionId is null && m.Attachments.Count > 0 && m.Content?.StartsWith($"**{prompt}** - ", StringComparison.Ordinal) == true)];

    private List<EmulatedMessage> Dms() =>
        [.. Emulator.Messages.Where(static m => m.Content?.Contains("Job ID:", StringComparison.Ordinal) == true)];

    private static string Text(EmulatedInteraction interaction) => interaction.ResponseData?["content"]?.GetValue<string>() ?? string.Empty;

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => string.Create(CultureInfo.InvariantCulture, $"{n}th"),
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };
}
