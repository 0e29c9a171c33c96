using System.Text.Json.Nodes;
using MjBot.DiscordEmulator;
using MjBot.Imaging.Png;
using MjBot.Testing;
using static MjBot.Tests.EndToEnd.MessageButtons;

namespace MjBot.Tests.EndToEnd;

/// <summary>/imagine through the Discord emulator with the real ONNX backend: Microsoft's ONNX Runtime (the CPU
/// package) running the tiny generated models of each family on the CPU. No test backend involved.</summary>
public sealed class OnnxEndToEndTests : EmulatorTest
{
    [Fact]
    public async Task Imagine_TinyModels_PostsTheGridThenVaryMakesFourMore()
    {
        await using var bot = await StartAsync();
        var member = EmulatedMember.Ordinary;

        await bot.ImagineAsync("a red fox in snow --ar 4:1 --seed 7 --no trees --tile");
        var grid = await bot.ResultAsync($"**a red fox in snow --ar 4:1 --seed 7 --no trees --tile** - <@{member.UserId}> (fast)");

        var png = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(Assert.Single(grid.Attachments).Content));
        Assert.Equal((256, 128), (png.Image.Pixels.Width, png.Image.Pixels.Height));
        Assert.Contains("-# --tile: ONNX exports have no circular padding to switch on", grid.Content, StringComparison.Ordinal);
        Assert.False(grid.Components![1]!["components"]![0]!["disabled"]?.GetValue<bool>() ?? false, "V buttons work: the model has a VAE encoder");

        var v2 = await Emulator.PressButtonAsync(grid.Id, grid.Components[1]!["components"]![1]!["custom_id"]!.GetValue<string>());
        var variations = await bot.ResultAsync($"**a red fox in snow --ar 4:1 --seed 7 --no trees --tile** - Variations (Strong) by <@{member.UserId}> (fast)");
        Assert.Single(variations.Attachments);
        Assert.Equal(5, v2.ResponseType);
    }

    [Theory]
    [InlineData("tiny-sdxl", "--ar 16:9", 2 * 168, 2 * 96)]
    [InlineData("tiny-sd2-v", "--ar 1:1", 2 * 64, 2 * 64)]
    [InlineData("tiny-lcm", "--ar 4:1", 2 * 128, 2 * 64)]
    public async Task Imagine_EachFamilysTinyModel_PostsAGridOfItsSize(string model, string aspect, int width, int height)
    {
        await using var bot = await StartAsync();

        await bot.ImagineAsync($"a red fox in snow --model {model} {aspect} --seed 11");
        var grid = await bot.ResultAsync($"**a red fox in snow --model {model} {aspect} --seed 11** - <@{EmulatedMember.Ordinary.UserId}> (fast)");

        var png = Decode(Assert.Single(grid.Attachments).Content);
        Assert.Equal((width, height), (png.Width, png.Height));
        Assert.Contains(png.Pixels.Chunk(4), static p => p[0] != p[1] || p[1] != p[2]);
    }

    [Fact]
    public async Task PanLeft_InpaintingModel_TheCanvasGrowsAndTheOriginalsPixelsArePostedUnchanged()
    {
        await using var bot = await StartAsync(inpaint: true);
        await bot.ImagineAsync("a lighthouse --seed 3");
        var grid = await bot.ResultAsync("**a lighthouse --seed 3** - ");
        var u1 = await bot.SelectAsync(grid, 1);

        await Emulator.PressButtonAsync(u1.Id, CustomId(u1, "⬅️"));
        var panned = await bot.ResultAsync("**a lighthouse --seed 3** - Pan Left by ");
        var p1 = await bot.SelectAsync(panned, 1);

        var original = Decode(u1.Attachments[0].Content);
        var extended = Decode(p1.Attachments[0].Content);
        Assert.Equal((96, 64), (extended.Width, extended.Height));
        Assert.Equal(original.Pixels, MjBot.Imaging.ImageOperations.Crop(extended, 32, 0, 64, 64).Pixels);
    }

    [Fact]
    public async Task Imagine_UnknownModel_RefusedAtOnceNamingTheServersModels()
    {
        await using var bot = await StartAsync();

        var command = await bot.ImagineAsync("a cat --model sdxl");
        await command.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((4, 64), (command.ResponseType, command.ResponseData!["flags"]!.GetValue<int>()));
        Assert.Equal(
            "**Invalid parameter**\n--model must be one of draft, tiny-lcm, tiny-sd, tiny-sd-fp16, tiny-sd-inpaint, tiny-sd2-v, tiny-sdxl, v7",
            command.ResponseData["content"]!.GetValue<string>());
    }

    private static MjBot.Imaging.RgbaImage Decode(byte[] png) => Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(png)).Image.Pixels;

    [Fact]
    public async Task Imagine_JpegAttachment_StartsImageToImageFromIt()
    {
        await using var bot = await StartAsync();
        var jpeg = EncodedImages.Solid(96, 64, (250, 250, 250), SkiaSharp.SKEncodedImageFormat.Jpeg);
        await bot.ImagineAsync("a quiet harbour --seed 11 --ar 3:2");
        var plain = await bot.ResultAsync("**a quiet harbour --seed 11 --ar 3:2** - ");

        var (id, resolved) = Emulator.Upload("harbour.jpg", jpeg, "image/jpeg");
        var options = new JsonArray
        {
            new JsonObject { ["name"] = "prompt", ["type"] = 3, ["value"] = "a quiet harbour --seed 11 --ar 3:2" },
            new JsonObject { ["name"] = "image", ["type"] = 11, ["value"] = id },
        };
        await Emulator.RunSlashCommandAsync("imagine", options, resolved: resolved);
        var link = resolved["attachments"]![id]!["url"]!.GetValue<string>();
        var started = await bot.ResultAsync($"**{link} a quiet harbour --seed 11 --ar 3:2** - ");

        Assert.Contains("Image prompts: the image is the start of image-to-image at your --ar", started.Content, StringComparison.Ordinal);
        // Same prompt, seed and size: only the start image can make the grids differ.
        var (plainGrid, startedGrid) = (Grid(plain), Grid(started));
        Assert.Equal((plainGrid.Width, plainGrid.Height), (startedGrid.Width, startedGrid.Height));
        Assert.NotEqual(plainGrid.Pixels, startedGrid.Pixels);
    }

    [Fact]
    public async Task Blend_ThreeImages_AGridFromTheirBlendWithTheUsualButtons()
    {
        await using var bot = await StartAsync();
        var files = new[] { ((byte)250, (byte)20, (byte)20), ((byte)20, (byte)250, (byte)20), ((byte)20, (byte)20, (byte)250) }
            .Select(static (c, i) => ($"part{i}.jpg", EncodedImages.Solid(80, 60, c, SkiaSharp.SKEncodedImageFormat.Jpeg), "image/jpeg"))
            .ToArray();

        var (_, links) = await bot.BlendAsync("landscape", files);
        var grid = await bot.ResultAsync($"**{string.Join(' ', links)} --ar 3:2** - ");

        Assert.Equal(["U1", "U2", "U3", "U4", "🔄"], Labels(grid, 0));
        Assert.Equal(["V1", "V2", "V3", "V4"], Labels(grid, 1).Take(4));
        Assert.Contains("Image prompts: the image is the start of image-to-image", grid.Content, StringComparison.Ordinal);
    }

    private static MjBot.Imaging.RgbaImage Grid(MjBot.DiscordEmulator.State.EmulatedMessage message) =>
        Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(message.Attachments[0].Content)).Image.Pixels;

    private Task<RunningBot> StartAsync(bool inpaint = false) => RunningBot.StartAsync(Emulator, Data.Path, overrides: new Dictionary<string, string?>
    {
        ["Moderation:AllowHttpImageLinks"] = "true",
        ["Moderation:TrustedLinkHosts:0"] = "127.0.0.1",
        ["Backends:Onnx:InpaintModel"] = inpaint ? "tiny-sd-inpaint" : null,
        ["Backends:Default"] = "onnx",
        ["Backends:Onnx:ModelFolder"] = RepositoryPaths.InRoot("tests", "models"),
        ["Backends:Onnx:DefaultModel"] = "v7",
        ["Backends:Onnx:Models:v7"] = "tiny-sd",
        ["Backends:Onnx:Models:draft"] = "tiny-sd-fp16",
        ["Backends:Onnx:ExecutionProvider"] = "cpu",
    }, withTestBackend: false);
}
