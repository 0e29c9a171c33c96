using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using MjBot.Imaging;
using MjBot.Imaging.Png;
using MjBot.DiscordEmulator;
using MjBot.Testing;
using static MjBot.Tests.EndToEnd.MessageButtons;

namespace MjBot.Tests.EndToEnd;

/// <summary>/imagine through the Discord emulator with the real OpenAI backend (the official SDK) against the fake
/// OpenAI server: no test backend involved.</summary>
public sealed class OpenAIEndToEndTests : FakeOpenAIEmulatorTest
{
    [Fact]
    public async Task Imagine_DallE3_GridFromFourCallsWithTheNoticesAndTheRevisedPrompt()
    {
        await using var bot = await StartAsync();

        await bot.ImagineAsync("a red fox in snow --ar 16:9 --seed 3");
        var grid = await bot.ResultAsync($"**a red fox in snow --ar 16:9 --seed 3** - <@{EmulatedMember.Ordinary.UserId}> (fast)");

        Assert.Equal(4, OpenAI.Generations.Count);
        Assert.Contains("-# --seed: OpenAI's image models take no seed", grid.Content, StringComparison.Ordinal);
        var sent = OpenAI.Generations.First()["prompt"]!.GetValue<string>();
        Assert.StartsWith("The image needs to be safe for work and appropriate for children.", sent, StringComparison.Ordinal);
        Assert.EndsWith("\n\na red fox in snow", sent, StringComparison.Ordinal);
        Assert.Contains("-# The provider drew: A detailed rendering of The image needs to be safe for work", grid.Content, StringComparison.Ordinal);
        Assert.Equal(["U1", "U2", "U3", "U4"], [.. grid.Components![0]!["components"]!.AsArray().Take(4).Select(static c => c!["label"]!.GetValue<string>())]);
        Assert.True(grid.Components[1]!["components"]![0]!["disabled"]!.GetValue<bool>(), "dall-e-3 has no variations: V buttons shown disabled");

        var info = grid.Components[1]!["components"]!.AsArray().Last()!;
        Assert.Equal("ℹ️", info["emoji"]!["name"]!.GetValue<string>());
        var pressed = await Emulator.PressButtonAsync(grid.Id, info["custom_id"]!.GetValue<string>());
        await pressed.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("**The provider drew:** A detailed rendering of " + sent, pressed.ResponseData!["content"]!.GetValue<string>());
        Assert.Equal(64, pressed.ResponseData["flags"]!.GetValue<int>());
    }

    [Fact]
    public async Task Imagine_ContentPolicyViolation_EndsBlockedWithoutRetries()
    {
        await using var bot = await StartAsync();

        var command = await bot.ImagineAsync("something forbidden");
        await bot.UntilAsync(() => command.Original?.Content?.Contains("(blocked:", StringComparison.Ordinal) == true, "the blocked message");

        Assert.EndsWith("(blocked: the provider's safety system refused this prompt)", command.Original!.Content, StringComparison.Ordinal);
        Assert.Equal(4, OpenAI.Requests.Count);
    }

    [Fact]
    public async Task SpendingCap_SecondGridWouldPassIt_FailsWithTheBudgetAndModeratorsSeeTheSpend()
    {
        await using var bot = await StartAsync(cap: "0.20");

        await bot.ImagineAsync("a first grid");
        await bot.ResultAsync("**a first grid** - ");
        var second = await bot.ImagineAsync("a second grid");
        await bot.UntilAsync(() => second.Original?.Content?.Contains("(failed:", StringComparison.Ordinal) == true, "the refusal");
        var info = await Emulator.RunSlashCommandAsync("info", member: EmulatedMember.Moderator);
        await info.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.EndsWith("(failed: this server's daily openai budget of $0.20 is spent ($0.16 so far, this job $0.16); it resets at 00:00 UTC)", second.Original!.Content, StringComparison.Ordinal);
        Assert.Equal(4, OpenAI.Generations.Count);
        Assert.Contains("OpenAI spending today (UTC): $0.16 of $0.20", info.ResponseData!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PromptMagic_OnForTheServer_FourCaptionsOneCallEachAndShownUnderTheResult()
    {
        await using var bot = await StartAsync();
        var panel = await Emulator.RunSlashCommandAsync("settings", member: EmulatedMember.Moderator);
        await panel.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));
        var toggle = await Emulator.PressButtonAsync(panel.Original!.Id, "mjs:guild-magic", EmulatedMember.Moderator);
        await toggle.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));

        await bot.ImagineAsync("un renard roux --no neige");
        var grid = await bot.ResultAsync("**un renard roux --no neige** - ");

        var chat = Assert.Single(OpenAI.Chats);
        Assert.Contains("Never name living public figures", chat["messages"]![0]!["content"]!.GetValue<string>(), StringComparison.Ordinal);

        // Each caption replaces the member's words, not the server's safety preamble nor their --no terms.
        var sent = OpenAI.Generations.Select(static g => g["prompt"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(4, sent.Count);
        Assert.All(sent, static p => Assert.StartsWith("The image needs to be safe for work and appropriate for children.", p, StringComparison.Ordinal));
        Assert.Equal(
            [.. Enumerable.Range(1, 4).Select(static i => $"A photo of un renard roux, take {i}, soft morning light., without neige")],
            sent.Select(static p => p[(p.IndexOf("\n\n", StringComparison.Ordinal) + 2)..]));
        Assert.Contains("-# Prompt magic: A photo of un renard roux, take 1, soft morning light. (and 3 more)", grid.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imagine_GptImage1ImagePromptAndPrivateSref_TrustedImageUsedPrivateLinkRefusedAtOnce()
    {
        var png = PngEncoder.Encode(new RgbaImage(64, 64));
        await using var images = await LoopbackHttpServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "image/png";
            await context.Response.Body.WriteAsync(png);
        });
        await using var bot = await StartAsync(model: "gpt-image-1", trustLoopback: true);
        var link = new Uri(images.Address, "ref.png");

        await bot.ImagineAsync($"{link} a lighthouse");
        await bot.ResultAsync($"**{link} a lighthouse** - <@{EmulatedMember.Ordinary.UserId}> (fast)");
        var private10 = await bot.ImagineAsync($"{link} a lighthouse --sref https://10.0.0.1/style.png");
        await bot.UntilAsync(() => private10.FollowUps.Count == 1, "the refusal");

        var (fields, _) = Assert.Single(OpenAI.Edits);
        Assert.StartsWith("Make a new image from the request below, using the attached reference image", fields["prompt"]!.GetValue<string>(), StringComparison.Ordinal);
        // The image prompt as each command is given and again when the first job runs; never the private --sref.
        Assert.Equal(3, images.Requests.Count);
        var refusal = private10.FollowUps[0];
        Assert.Equal("MjBot could not use that link: 10.0.0.1 is a private or local network address, which MjBot never fetches.", refusal.Content);
        Assert.Equal(64, refusal.Flags & 64);
        Assert.True(private10.Original?.Deleted ?? true, "the public deferral is taken back");
        Assert.DoesNotContain(Emulator.Messages, static m => m.Content?.Contains("--sref https://10.0.0.1", StringComparison.Ordinal) == true && !m.Deleted);
    }

    [Fact]
    public async Task Imagine_WebPSrefOnGptImage1_SentAsThePngOfItsPixels()
    {
        var webp = EncodedImages.Solid(48, 32, (30, 160, 90), SkiaSharp.SKEncodedImageFormat.Webp, 100);
        await using var images = await LoopbackHttpServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "image/webp";
            await context.Response.Body.WriteAsync(webp);
        });
        await using var bot = await StartAsync(model: "gpt-image-1", trustLoopback: true);
        var link = new Uri(images.Address, "style.webp");

        await bot.ImagineAsync($"a lighthouse --sref {link}");
        await bot.ResultAsync($"**a lighthouse --sref {link}** - ");

        var sent = Assert.Single(Assert.Single(OpenAI.EditImages));
        var pixels = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(sent)).Image.Pixels;
        Assert.Equal((48, 32), (pixels.Width, pixels.Height));
        Assert.InRange(pixels.Pixels[0], 26, 34);
        Assert.InRange(pixels.Pixels[1], 156, 164);
        Assert.InRange(pixels.Pixels[2], 86, 94);
    }

    [Fact]
    public async Task Blend_GptImage1_TheImagesGoTogetherInOneEditToBeBlended()
    {
        await using var bot = await StartAsync(model: "gpt-image-1", trustLoopback: true);
        var red = EncodedImages.Solid(40, 40, (220, 0, 0), SkiaSharp.SKEncodedImageFormat.Webp, 100);
        var blue = SolidPng.Of(40, 40, 0, 0, 220);

        var (_, links) = await bot.BlendAsync(null, ("red.webp", red, "image/webp"), ("blue.png", blue, "image/png"));
        await bot.ResultAsync($"**{string.Join(' ', links)} --ar 1:1** - ");

        var (fields, _) = Assert.Single(OpenAI.Edits);
        Assert.StartsWith("Blend the 2 attached images into one new image", fields["prompt"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(OpenAI.EditImages).Count);
    }

    [Fact]
    public async Task Blend_DallE3_RefusedAtOnceSayingItMakesImagesFromWordsOnly()
    {
        await using var bot = await StartAsync(model: "dall-e-3", trustLoopback: true);

        var (blend, _) = await bot.BlendAsync("portrait", ("a.png", SolidPng.Of(8, 8, 1, 2, 3), "image/png"), ("b.png", SolidPng.Of(8, 8, 3, 2, 1), "image/png"));
        await blend.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("openai cannot blend images: it makes images from words only. Ask a moderator which model on this server takes images, or use /imagine.", blend.ResponseData!["content"]!.GetValue<string>());
        Assert.Empty(OpenAI.Requests);
    }

    [Fact]
    public async Task Imagine_LinkToAPageNotAnImage_RefusedToTheMemberBeforeAnythingIsQueued()
    {
        await using var pages = await LoopbackHttpServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "text/html";
            await context.Response.Body.WriteAsync("<html>a gallery page</html>"u8.ToArray());
        });
        await using var bot = await StartAsync(model: "gpt-image-1", trustLoopback: true);
        // The address looks like an image; what it serves is a page.
        var link = new Uri(pages.Address, "gallery.png");

        var command = await bot.ImagineAsync($"{link} a lighthouse");
        await bot.UntilAsync(() => command.FollowUps.Count == 1, "the refusal");

        Assert.Equal("MjBot could not use that link: it is text/html, not a PNG, JPEG, WebP or GIF image.", command.FollowUps[0].Content);
        Assert.Empty(OpenAI.Requests);
        Assert.Empty(await bot.Services.GetRequiredService<MjBot.Core.Ports.IJobStore>().ForUserAsync(EmulatedMember.Ordinary.UserId, DateTimeOffset.MinValue, CancellationToken.None));
    }

    [Fact]
    public async Task VaryButtons_GptImage1_SubtleAndStrongSendDifferentRequests()
    {
        await using var bot = await StartAsync(model: "gpt-image-1");
        await bot.ImagineAsync("a glass vase");
        var grid = await bot.ResultAsync("**a glass vase** - ");
        var u1 = await bot.SelectAsync(grid, 1);

        await Emulator.PressButtonAsync(u1.Id, CustomId(u1, "Vary (Subtle)"));
        await bot.ResultAsync("**a glass vase** - Variations (Subtle) by ");
        await Emulator.PressButtonAsync(u1.Id, CustomId(u1, "Vary (Strong)"));
        await bot.ResultAsync("**a glass vase** - Variations (Strong) by ");

        var prompts = OpenAI.Edits.Select(static e => e.Fields["prompt"]!.GetValue<string>()).ToList();
        Assert.Equal(2, prompts.Count);
        Assert.StartsWith("A subtle variation of this image", prompts[0], StringComparison.Ordinal);
        Assert.StartsWith("A strong variation of this image", prompts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imagine_GptImage2At7To4_AskedForThatExactSizeAndPosted()
    {
        await using var bot = await StartAsync(model: "gpt-image-1.5", extraModels: ["gpt-image-2"]);

        await bot.ImagineAsync("a harbour at dawn --ar 7:4 --model gpt-image-2");
        var grid = await bot.ResultAsync("**a harbour at dawn --ar 7:4 --model gpt-image-2** - ");

        var sent = Assert.Single(OpenAI.Generations);
        Assert.Equal(("gpt-image-2", "1344x768", 4), (sent["model"]!.GetValue<string>(), sent["size"]!.GetValue<string>(), sent["n"]!.GetValue<int>()));
        var png = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(Assert.Single(grid.Attachments).Content)).Image.Pixels;
        Assert.Equal(7.0 / 4, (double)png.Width / png.Height, 2);
        Assert.DoesNotContain("--aspect", grid.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VaryButtons_GptImage15_SubtleHighFidelityStrongLowAndSaidUnderEach()
    {
        await using var bot = await StartAsync(model: "gpt-image-1.5");
        await bot.ImagineAsync("a copper kettle");
        var grid = await bot.ResultAsync("**a copper kettle** - ");
        var u1 = await bot.SelectAsync(grid, 1);

        await Emulator.PressButtonAsync(u1.Id, CustomId(u1, "Vary (Subtle)"));
        var subtle = await bot.ResultAsync("**a copper kettle** - Variations (Subtle) by ");
        await Emulator.PressButtonAsync(u1.Id, CustomId(u1, "Vary (Strong)"));
        var strong = await bot.ResultAsync("**a copper kettle** - Variations (Strong) by ");

        Assert.Equal(["high", "low"], OpenAI.Edits.Select(static e => e.Fields["input_fidelity"]!.GetValue<string>()));
        Assert.Contains("Vary (Subtle): sent to gpt-image-1.5 with input fidelity high", subtle.Content, StringComparison.Ordinal);
        Assert.Contains("Vary (Strong): sent to gpt-image-1.5 with input fidelity low", strong.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imagine_SrefWithTwoImages_BothSentAsSeparateStyleReferences()
    {
        var red = SolidPng.Of(40, 30, 200, 10, 10);
        var blue = SolidPng.Of(30, 40, 10, 10, 200);
        await using var images = await LoopbackHttpServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "image/png";
            await context.Response.Body.WriteAsync(context.Request.Path.Value == "/red.png" ? red : blue);
        });
        await using var bot = await StartAsync(model: "gpt-image-1.5", trustLoopback: true);
        var (first, second) = (new Uri(images.Address, "red.png"), new Uri(images.Address, "blue.png"));

        await bot.ImagineAsync($"a lighthouse --sref {first} {second}");
        await bot.ResultAsync($"**a lighthouse --sref {first} {second}** - ");

        var (fields, _) = Assert.Single(OpenAI.Edits);
        Assert.Contains("image 1: copy its style only (colours, medium, lighting), not its content; image 2: copy its style only", fields["prompt"]!.GetValue<string>(), StringComparison.Ordinal);
        var sent = Assert.Single(OpenAI.EditImages);
        Assert.Equal(2, sent.Count);
        Assert.Equal([(200, 10, 10), (10, 10, 200)], sent.Select(static png => { var p = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(png)).Image.Pixels; return ((int)p.Pixels[0], (int)p.Pixels[1], (int)p.Pixels[2]); }));
    }

    [Fact]
    public async Task ModConfig_ProviderModerationLow_SentWithTheServersNextGrid()
    {
        await using var bot = await StartAsync(model: "gpt-image-1.5");
        var set = await Emulator.RunSlashCommandAsync("modconfig", [new JsonObject { ["name"] = "provider-moderation", ["type"] = 1, ["options"] = new JsonArray(new JsonObject { ["name"] = "level", ["type"] = 3, ["value"] = "low" }) }], EmulatedMember.Moderator);
        await set.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));

        await bot.ImagineAsync("a paper crane");
        await bot.ResultAsync("**a paper crane** - ");

        Assert.Contains("OpenAI's own moderation of prompts: low (the provider's less restrictive filtering)", set.ResponseData!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("low", Assert.Single(OpenAI.Generations)["moderation"]!.GetValue<string>());
    }

    [Fact]
    public async Task VaryButtons_DallE2_OnlyTheVariationItCanMakeIsShown()
    {
        await using var bot = await StartAsync(model: "dall-e-2");
        await bot.ImagineAsync("a clay pot --hd");
        var grid = await bot.ResultAsync("**a clay pot --hd** - ");
        var u1 = await bot.SelectAsync(grid, 1);

        Assert.Equal(["Upscale (Subtle)", "Upscale (Creative)", "Vary (Strong)"], Labels(u1, 0));
        Assert.Contains("-# --hd: dall-e-2 has one quality", grid.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buttons_GridMadeWithAnotherModel_FollowThatModelNotTheDefault()
    {
        await using var bot = await StartAsync(model: "dall-e-3", extraModels: ["gpt-image-1"]);
        await bot.ImagineAsync("a copper kettle --model gpt-image-1");
        var grid = await bot.ResultAsync("**a copper kettle --model gpt-image-1** - ");

        Assert.False(grid.Components![1]!["components"]![0]!["disabled"]?.GetValue<bool>() ?? false, "gpt-image-1 varies: V1 enabled though the default dall-e-3 cannot");
        var u1 = await bot.SelectAsync(grid, 1);
        Assert.Equal(["Upscale (Subtle)", "Upscale (Creative)", "Vary (Subtle)", "Vary (Strong)"], Labels(u1, 0));
    }

    [Fact]
    public async Task Azure_ResourceEndpointAndDeployment_TheHostsCodePathReachesTheV1Api()
    {
        await using var bot = await RunningBot.StartAsync(Emulator, Data.Path, overrides: new Dictionary<string, string?>
        {
            ["Backends:Default"] = "openai",
            ["Backends:OpenAI:ApiKey"] = FakeOpenAI.Key,
            ["Backends:OpenAI:Endpoint"] = OpenAI.AzureEndpoint.ToString(),
            ["Backends:OpenAI:AzureDeployment"] = "dall-e-3",
        }, withTestBackend: false);

        await bot.ImagineAsync("a blue door");
        await bot.ResultAsync("**a blue door** - ");

        Assert.All(OpenAI.Requests, static r => Assert.Equal("/openai/v1/images/generations", r.Path));
        Assert.All(OpenAI.Generations, static g => Assert.Equal("dall-e-3", g["model"]!.GetValue<string>()));
    }


    private Task<RunningBot> StartAsync(string cap = "0", string model = "dall-e-3", bool trustLoopback = false, string[]? extraModels = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Backends:Default"] = "openai",
            ["Backends:OpenAI:ApiKey"] = FakeOpenAI.Key,
            ["Backends:OpenAI:Endpoint"] = OpenAI.Endpoint.ToString(),
            ["Backends:OpenAI:ImageModel"] = model,
            ["Backends:OpenAI:DailyGuildCapUsd"] = cap,
        };
        foreach (var (extra, i) in (extraModels ?? []).Select(static (m, i) => (m, i)))
        {
            settings[$"Backends:OpenAI:Models:{i}"] = extra;
        }

        if (trustLoopback)
        {
            // The image host of this test is on loopback, which links may only reach when trusted by name.
            settings["Moderation:AllowHttpImageLinks"] = "true";
            settings["Moderation:TrustedLinkHosts:0"] = "127.0.0.1";
        }

        return RunningBot.StartAsync(Emulator, Data.Path, overrides: settings, withTestBackend: false);
    }
}
