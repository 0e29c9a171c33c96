using MjBot.Core.Ports;
using MjBot.DiscordEmulator;
using MjBot.Imaging.Png;
using MjBot.Testing.ComfyUI;
using static MjBot.Tests.EndToEnd.MessageButtons;

namespace MjBot.Tests.EndToEnd;

/// <summary>/imagine through the Discord emulator with the real ComfyUI backend against the ComfyUI stand-in: grid, U2,
/// Vary, Zoom Out, a LoRA the server lacks refused at once, Cancel, and MjBot restarted while ComfyUI still runs.</summary>
public sealed class ComfyUIEndToEndTests : EmulatorTest
{
    private ComfyStandIn _comfy = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _comfy = await ComfyStandIn.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await _comfy.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Imagine_ThenU2VaryAndZoomOut_EachPostedFromComfyUI()
    {
        await using var bot = await StartAsync();

        await bot.ImagineAsync("a red fox in snow --ar 3:2 --seed 7 --lora pixel-art:0.8");
        var grid = await bot.ResultAsync($"**a red fox in snow --ar 3:2 --seed 7 --lora pixel-art:0.8** - <@{EmulatedMember.Ordinary.UserId}> (fast)");
        var u2 = await bot.SelectAsync(grid, 2);
        await Emulator.PressButtonAsync(u2.Id, CustomId(u2, "Vary (Strong)"));
        await bot.ResultAsync("**a red fox in snow --ar 3:2 --seed 7 --lora pixel-art:0.8** - Variations (Strong) by ");
        await Emulator.PressButtonAsync(u2.Id, CustomId(u2, "Zoom Out 2x"));
        var zoomed = await bot.ResultAsync("**a red fox in snow --ar 3:2 --seed 7 --lora pixel-art:0.8** - Zoom Out by ");

        var gridPng = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(Assert.Single(grid.Attachments).Content)).Image.Pixels;
        Assert.Equal((2 * 640, 2 * 448), (gridPng.Width, gridPng.Height));
        Assert.Single(zoomed.Attachments);
        Assert.Equal(3, _comfy.Submitted.Count);
        Assert.Contains(_comfy.Submitted.Last()["prompt"]!.AsObject(), static n => n.Value!["class_type"]!.GetValue<string>() == "VAEEncodeForInpaint");
        Assert.All(_comfy.Submitted, static s => Assert.Contains(s["prompt"]!.AsObject(), static n => n.Value!["class_type"]!.GetValue<string>() == "LoraLoader"));
    }

    [Fact]
    public async Task Imagine_LoraTheServerLacks_RefusedAtOnceListingItsLoras()
    {
        await using var bot = await StartAsync();
        await bot.UntilAsync(() => (bot.Services.GetService(typeof(IEnumerable<IImageBackend>)) as IEnumerable<IImageBackend>)?.OfType<ILoraCatalog>().Single().LoraNames is not null, "the pool's first check");

        var command = await bot.ImagineAsync("a cat --lora anime");
        await command.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((4, 64), (command.ResponseType, command.ResponseData!["flags"]!.GetValue<int>()));
        Assert.Equal("**Invalid parameter**\nthere is no LoRA `anime`; the server has 2: pixel-art, styles/watercolor", command.ResponseData["content"]!.GetValue<string>());
        Assert.Empty(_comfy.Submitted);
    }

    [Fact]
    public async Task Cancel_RunningOnComfyUI_InterruptsThePromptAndEndsCancelled()
    {
        await using var bot = await StartAsync();
        _comfy.Hold();
        var command = await bot.ImagineAsync("a slow painting");
        var promptId = await _comfy.RunningAsync();
        await bot.UntilAsync(() => command.Original?.Components is { Count: > 0 }, "the progress message with Cancel");

        await Emulator.PressButtonAsync(command.Original!.Id, $"mj:x:{JobIdIn(command.Original)}:0");
        await bot.UntilAsync(() => command.Original!.Content!.EndsWith("(cancelled)", StringComparison.Ordinal), "the cancelled job");

        Assert.Contains(promptId, _comfy.Interrupts);
    }

    [Fact]
    public async Task Restart_WhileComfyUIRuns_TheSamePromptIsFoundAndPostedOnce()
    {
        _comfy.Hold();
        await using (var first = await StartAsync(("Operations:ShutdownGraceSeconds", "1")))
        {
            await first.ImagineAsync("a long night");
            await _comfy.RunningAsync();
        }

        Assert.Empty(_comfy.Interrupts);
        await using var second = await StartAsync();
        _comfy.Release();
        await second.ResultAsync("**a long night** - ");

        Assert.Single(_comfy.Submitted);
        Assert.Equal(1, _comfy.Executions);
        Assert.Single(Emulator.Messages, static m => !m.Deleted && m.InteractionId is null && m.Attachments.Count > 0 && m.Content?.StartsWith("**a long night** - ", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Imagine_WithAWorkflowAlias_PostedWithThePromptInItsMappedInput()
    {
        var folder = Path.Combine(Data.Path, "workflows");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "portrait.json"), StandInWorkflows.BasicApiExample("v1-5-pruned-emaonly.safetensors").ToJsonString());
        await File.WriteAllTextAsync(Path.Combine(folder, "portrait.mapping.json"), """{"prompt": "6.text", "negative": "7.text", "seed": "3.seed", "width": "5.width", "height": "5.height", "batch_size": "5.batch_size"}""");
        await using var bot = await StartAsync(("Backends:ComfyUI:WorkflowFolder", folder));

        await bot.ImagineAsync("a knight --model portrait --no helmet");
        var grid = await bot.ResultAsync("**a knight --model portrait --no helmet** - ");

        var gridPng = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(Assert.Single(grid.Attachments).Content)).Image.Pixels;
        Assert.Equal((1024, 1024), (gridPng.Width, gridPng.Height));
        var sent = Assert.Single(_comfy.Submitted)["prompt"]!;
        Assert.Equal("a knight", sent["6"]!["inputs"]!["text"]!.GetValue<string>());
        Assert.StartsWith("helmet, ", sent["7"]!["inputs"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imagine_ServerKilledMidJob_PreviewShownThenPostedFromTheOtherServer()
    {
        await using var second = await ComfyStandIn.StartAsync();
        _comfy.Hold();
        second.Hold();
        await using var bot = await StartAsync(("Backends:ComfyUI:Servers:1:Url", second.Address.ToString()));

        var command = await bot.ImagineAsync("a lighthouse at dusk");
        var first = await Task.WhenAny(_comfy.RunningAsync(), second.RunningAsync());
        var (dying, surviving) = first == _comfy.RunningAsync() ? (_comfy, second) : (second, _comfy);
        await bot.UntilAsync(() => command.Original?.Attachments.Count == 1, "the progress message with ComfyUI's preview");
        var preview = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(command.Original!.Attachments[0].Content)).Image.Pixels;
        surviving.Release();
        await dying.DisposeAsync();
        var grid = await bot.ResultAsync("**a lighthouse at dusk** - ");

        Assert.Equal((64, 64), (preview.Width, preview.Height));
        Assert.Single(grid.Attachments);
        Assert.Single(surviving.Submitted);
        Assert.Single(Emulator.Messages, static m => !m.Deleted && m.InteractionId is null && m.Attachments.Count > 0 && m.Content?.StartsWith("**a lighthouse at dusk** - ", StringComparison.Ordinal) == true);
    }

    private Task<RunningBot> StartAsync(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Backends:Default"] = "comfyui",
            ["Backends:ComfyUI:Servers:0:Url"] = _comfy.Address.ToString(),
            ["Backends:ComfyUI:DefaultModel"] = "sd15",
            ["Backends:ComfyUI:Models:sd15:Checkpoint"] = "v1-5-pruned-emaonly.safetensors",
            ["Backends:ComfyUI:Models:inpaint:Checkpoint"] = "sd-v1-5-inpainting.ckpt",
            ["Backends:ComfyUI:InpaintModel"] = "inpaint",
            ["Backends:ComfyUI:UpscaleModel"] = "4x-UltraSharp.pth",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return RunningBot.StartAsync(Emulator, Data.Path, overrides: settings, withTestBackend: false);
    }
}
