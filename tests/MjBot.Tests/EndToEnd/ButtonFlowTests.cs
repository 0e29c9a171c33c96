using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.DiscordEmulator;
using static MjBot.Tests.EndToEnd.MessageButtons;

namespace MjBot.Tests.EndToEnd;

/// <summary>The buttons under a single image and a grid that no other test presses: both upscales, the four pans,
/// 🔄 with remix on, and a preview reaching Discord while a job runs.</summary>
public sealed class ButtonFlowTests : EmulatorTest
{
    [Fact]
    public async Task U1_UpscaleSubtleAndCreativePressed_SubtleEnlargesCreativeHasTheBackendRefineTheEnlargement()
    {
        var backend = new TestBackend.TestBackend();
        backend.Capabilities |= BackendCapabilities.Upscale;
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path, backend);
        var member = EmulatedMember.Ordinary;
        await bot.ImagineAsync("a lantern");
        var grid = await bot.ResultAsync("**a lantern** - ");
        var u1 = await bot.SelectAsync(grid, 1);

        await Emulator.PressButtonAsync(u1.Id, CustomId(u1, "Upscale (Subtle)"));
        await bot.ResultAsync($"**a lantern** - Upscaled (Subtle, Lanczos) by <@{member.UserId}> (fast)");
        await Emulator.PressButtonAsync(u1.Id, CustomId(u1, "Upscale (Creative)"));
        var creative = await bot.ResultAsync($"**a lantern** - Upscaled (Creative, Lanczos) by <@{member.UserId}> (fast)");

        // Subtle is the host's enlargement alone; Creative hands the backend the enlarged image to refine.
        var refine = Assert.Single(backend.Requests, static r => r.Kind == JobKind.Upscale);
        Assert.Equal("creative", refine.Option);
        Assert.Equal((128, 128), Size(refine.Source!));
        Assert.Equal(["Vary (Subtle)", "Vary (Strong)"], Labels(creative, 0).Skip(2));
    }

    /// <summary>With a super-resolution model configured (the tiny 4× one, brought down to 2×), both upscales use it on
    /// a backend that cannot refine, say so, and are not labelled Lanczos; Creative says it is the model alone.</summary>
    [Fact]
    public async Task U1_UpscaleWithAnUpscalerModel_TheModelEnlargesAndTheResultSaysSo()
    {
        var backend = new TestBackend.TestBackend();
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path, backend, new Dictionary<string, string?> { ["Upscalers:Models:esrgan-x4"] = Testing.OnnxTestAssets.Model("tiny-esrgan-x4") });
        var member = EmulatedMember.Ordinary;
        await bot.ImagineAsync("a lantern");
        var grid = await bot.ResultAsync("**a lantern** - ");
        var u1 = await bot.SelectAsync(grid, 1);

        await Emulator.PressButtonAsync(u1.Id, CustomId(u1, "Upscale (Subtle)"));
        var subtle = await bot.ResultAsync($"**a lantern** - Upscaled (Subtle) by <@{member.UserId}> (fast)");
        await Emulator.PressButtonAsync(u1.Id, CustomId(u1, "Upscale (Creative)"));
        var creative = await bot.ResultAsync($"**a lantern** - Upscaled (Creative) by <@{member.UserId}> (fast)");

        Assert.Equal((128, 128), Size(subtle.Attachments[0].Content));
        Assert.Contains("-# upscaled with esrgan-x4", subtle.Content, StringComparison.Ordinal);
        Assert.Contains("-# this backend cannot refine images, so Upscale (Creative) is the upscaler's enlargement alone", creative.Content, StringComparison.Ordinal);
        Assert.DoesNotContain(backend.Requests, static r => r.Kind == JobKind.Upscale);
        Assert.NotEqual(Pixels(MjBot.Imaging.ImageOperations.UpscaleTwicePng(u1.Attachments[0].Content)), Pixels(subtle.Attachments[0].Content));
    }

    private static byte[] Pixels(byte[] png) => MjBot.Imaging.ImageOperations.DecodePng(png).Pixels;

    private static (int, int) Size(byte[] png) => MjBot.Imaging.ImageOperations.DecodePng(png) is var image ? (image.Width, image.Height) : default;

    /// <summary>With a CLIP model configured (the tiny towers, which embed words and images as colours), each image of
    /// a grid is scored against its prompt, stored with the job, and shown by ℹ️.</summary>
    [Fact]
    public async Task Info_WithAClipModel_ShowsEachImagesClipScore()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path, overrides: new Dictionary<string, string?> { ["Clip:Model"] = Testing.OnnxTestAssets.Model("tiny-clip") });
        await bot.ImagineAsync($"a red {TestBackend.TestBackend.FlaggedWord} fox");
        var grid = await bot.ResultAsync($"**a red {TestBackend.TestBackend.FlaggedWord} fox** - ");

        var info = await Emulator.PressButtonAsync(grid.Id, CustomId(grid, "ℹ️"));
        await info.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));

        var match = System.Text.RegularExpressions.Regex.Match(info.ResponseData!["content"]!.GetValue<string>(), @"^\*\*CLIP score\*\* \(how closely each image follows the prompt\): (\d+\.\d)( · \d+\.\d){3}$");
        Assert.True(match.Success, info.ResponseData["content"]!.GetValue<string>());
        Assert.InRange(double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 95, 100);

        var mine = await Emulator.RunSlashCommandAsync("info");
        await mine.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Matches(@"CLIP score, last 24 hours: 9\d\.\d on average over 4 images", mine.ResponseData!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task U1_UpscaleWithoutABackendUpscaler_LanczosAndSaidSo()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path);
        await bot.ImagineAsync("a teapot");
        var grid = await bot.ResultAsync("**a teapot** - ");
        var u1 = await bot.SelectAsync(grid, 1);

        await Emulator.PressButtonAsync(u1.Id, CustomId(u1, "Upscale (Subtle)"));
        var upscaled = await bot.ResultAsync("**a teapot** - Upscaled (Subtle, Lanczos) by ");

        var image = Assert.IsType<MjBot.Imaging.Png.PngDecodeResult.Success>(MjBot.Imaging.Png.PngDecoder.Decode(upscaled.Attachments[0].Content)).Image;
        Assert.Equal((128, 128), (image.Header.Width, image.Header.Height));
    }

    [Fact]
    public async Task U1_PanInEachDirection_EachPostsItsGridWithTheDirection()
    {
        var backend = new TestBackend.TestBackend();
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path, backend);
        await bot.ImagineAsync("a harbour");
        var grid = await bot.ResultAsync("**a harbour** - ");
        var u1 = await bot.SelectAsync(grid, 1);

        foreach (var (emoji, title) in new[] { ("⬅️", "Left"), ("➡️", "Right"), ("⬆️", "Up"), ("⬇️", "Down") })
        {
            await Emulator.PressButtonAsync(u1.Id, CustomId(u1, emoji));
            var panned = await bot.ResultAsync($"**a harbour** - Pan {title} by <@{EmulatedMember.Ordinary.UserId}> (fast)");
            Assert.Equal(["U1", "U2", "U3", "U4", "🔄"], Labels(panned, 0));
        }

        Assert.Equal(["left", "right", "up", "down"], backend.Requests.Where(static r => r.Kind == JobKind.Pan).Select(static r => r.Option));
    }

    [Fact]
    public async Task Reroll_WithRemixOn_OpensTheModalAndRunsTheEditedPrompt()
    {
        var backend = new TestBackend.TestBackend();
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path, backend);
        await bot.ImagineAsync("a windmill");
        var grid = await bot.ResultAsync("**a windmill** - ");
        var panel = await Emulator.RunSlashCommandAsync("settings");
        await panel.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        await (await Emulator.PressButtonAsync(panel.Original!.Id, "mjs:remix")).InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));

        var reroll = await Emulator.PressButtonAsync(grid.Id, CustomId(grid, "🔄"));
        await reroll.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        await Emulator.SubmitModalAsync(reroll.ResponseData!["custom_id"]!.GetValue<string>(), new Dictionary<string, string> { ["prompt"] = "a windmill at dusk --ar 3:2" }, fromMessageId: grid.Id);
        await bot.ResultAsync($"**a windmill at dusk --ar 3:2** - <@{EmulatedMember.Ordinary.UserId}> (fast)");

        Assert.Equal(9, reroll.ResponseType);
        Assert.Equal("a windmill", reroll.ResponseData["components"]![0]!["component"]!["value"]!.GetValue<string>());
        var request = backend.Requests.Last();
        Assert.Equal((JobKind.Reroll, "a windmill at dusk"), (request.Kind, request.Request.Prompt));
    }

    [Fact]
    public async Task Imagine_WhileRunning_ThePreviewImageReachesTheProgressMessage()
    {
        var backend = new TestBackend.TestBackend();
        backend.Hold();
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path, backend);

        var command = await bot.ImagineAsync("a slow sunrise");
        await bot.UntilAsync(() => command.Original is { Attachments: [{ FileName: "preview.png" }], Content: { } c } && c.Contains("(50%)", StringComparison.Ordinal), "the 50 % preview on the progress message");
        var preview = command.Original!.Attachments[0].Content;
        backend.Release();
        await bot.ResultAsync("**a slow sunrise** - ");

        var image = Assert.IsType<MjBot.Imaging.Png.PngDecodeResult.Success>(MjBot.Imaging.Png.PngDecoder.Decode(preview)).Image;
        Assert.Equal((16, 16), (image.Header.Width, image.Header.Height));
    }
}
