using System.Text.Json.Nodes;
using MjBot.Testing;

namespace MjBot.Tests.EndToEnd;

/// <summary>/describe and /shorten through the Discord emulator: with OpenAI (the fake server's chat model reads the
/// image) and locally (the tiny CLIP model, whose embeddings are colours), each with its buttons imagining a prompt on a
/// hosted backend (fake OpenAI) and a local one (ONNX on the tiny models).</summary>
public sealed class ImageToolsEndToEndTests : FakeOpenAIEmulatorTest
{
    [Fact]
    public async Task Describe_OpenAI_FourPromptsUnderTheImageTwoImaginesAndMoreAsksAgain()
    {
        await using var bot = await StartAsync(openai: true, clip: false);
        var (id, resolved) = Emulator.Upload("red.png", SolidPng.Of(60, 40, 200, 40, 40), "image/png");

        var command = await Emulator.RunSlashCommandAsync("describe", [new JsonObject { ["name"] = "image", ["type"] = 11, ["value"] = id }], resolved: resolved);
        await bot.UntilAsync(() => command.Original?.Components is { Count: > 0 }, "the four prompts");

        var answer = command.Original!;
        Assert.StartsWith("1\uFE0F\u20E3 a picture in rgb(200, 40, 40), take 1.1, flat colour --ar 3:2\n\n2\uFE0F\u20E3 ", answer.Content, StringComparison.Ordinal);
        Assert.EndsWith("\n-# Described by OpenAI gpt-4o-mini", answer.Content, StringComparison.Ordinal);
        Assert.Single(answer.Attachments);
        Assert.Equal(["1\uFE0F\u20E3", "2\uFE0F\u20E3", "3\uFE0F\u20E3", "4\uFE0F\u20E3", "🔄"], MessageButtons.Labels(answer, 0));
        var (text, _) = Assert.Single(OpenAI.Described);
        Assert.Equal("Write 4 prompts for this image.", text);

        await Emulator.PressButtonAsync(answer.Id, MessageButtons.CustomId(answer, "2\uFE0F\u20E3"));
        await bot.ResultAsync("**a picture in rgb(200, 40, 40), take 1.2, flat colour --ar 3:2** - ");
        Assert.EndsWith("take 1.2, flat colour", Assert.Single(OpenAI.Generations.Select(static g => g["prompt"]!.GetValue<string>()).Distinct()), StringComparison.Ordinal);

        var more = await Emulator.PressButtonAsync(answer.Id, MessageButtons.CustomId(answer, "🔄"));
        await bot.UntilAsync(() => more.Original?.Components is { Count: > 0 }, "four more prompts");
        Assert.StartsWith("1\uFE0F\u20E3 a picture in rgb(200, 40, 40), take 2.1", more.Original!.Content, StringComparison.Ordinal);
        Assert.Equal("Write 4 prompts for this image, unlike the 4 you wrote before.", OpenAI.Described.Last().Text);
    }

    [Fact]
    public async Task Describe_LocalClip_PromptsFromTheVocabularyAndOneImaginesOnOnnx()
    {
        await using var bot = await StartAsync(openai: false, clip: true);
        var (id, resolved) = Emulator.Upload("white.webp", EncodedImages.Solid(64, 64, (250, 250, 250), SkiaSharp.SKEncodedImageFormat.Webp, 100), "image/webp");

        var command = await Emulator.RunSlashCommandAsync("describe", [new JsonObject { ["name"] = "image", ["type"] = 11, ["value"] = id }], resolved: resolved);
        await bot.UntilAsync(() => command.Original?.Components is { Count: > 0 }, "the four prompts");

        var answer = command.Original!;
        Assert.EndsWith("\n-# Described by CLIP", answer.Content, StringComparison.Ordinal);
        var first = answer.Content!.Split('\n')[0];
        Assert.EndsWith(" --ar 1:1", first, StringComparison.Ordinal);
        Assert.Equal(5, first.Split(", ").Length); // subject, medium, movement, lighting, framing

        await Emulator.PressButtonAsync(answer.Id, MessageButtons.CustomId(answer, "1\uFE0F\u20E3"));
        await bot.ResultAsync($"**{first[("1\uFE0F\u20E3 ".Length)..]}** - ");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Shorten_WithClip_WhatCarriesItInBoldAndAShorterPromptImagines(bool openai)
    {
        await using var bot = await StartAsync(openai, clip: true);

        var command = await Emulator.RunSlashCommandAsync("shorten", [new JsonObject { ["name"] = "prompt", ["type"] = 3, ["value"] = "a red fox, in deep snow, with the, at dawn --ar 3:2" }]);
        await bot.UntilAsync(() => command.Original?.Components is { Count: > 0 }, "the shorter prompts");

        var lines = command.Original!.Content!.Split('\n');
        Assert.Equal("**What carries your prompt**", lines[0]);
        Assert.Contains("**a red fox**", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("**with the**", lines[1], StringComparison.Ordinal);
        Assert.Equal("**Shorter prompts**", lines[3]);
        var shorter = lines.Where(static l => l.Length > 3 && l[1] == '\uFE0F').ToList();
        Assert.All(shorter, static l => Assert.EndsWith(" --ar 3:2", l, StringComparison.Ordinal));
        Assert.DoesNotContain("with the", shorter[^1], StringComparison.Ordinal);
        Assert.StartsWith("-# Weighed by CLIP on this server: ", lines[^1], StringComparison.Ordinal);

        var prompt = shorter[^1][("1\uFE0F\u20E3 ".Length)..];
        await Emulator.PressButtonAsync(command.Original.Id, MessageButtons.CustomId(command.Original, $"{shorter.Count}\uFE0F\u20E3"));
        await bot.ResultAsync($"**{prompt}** - ");
        Assert.Equal(openai, !OpenAI.Generations.IsEmpty);
    }

    [Fact]
    public async Task Shorten_NoClipModel_SaysWhatToConfigure()
    {
        await using var bot = await StartAsync(openai: true, clip: false);

        var command = await Emulator.RunSlashCommandAsync("shorten", [new JsonObject { ["name"] = "prompt", ["type"] = 3, ["value"] = "a red fox, snow, dawn" }]);
        await command.InitialResponse.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("/shorten is not set up on this server: it needs the CLIP model (Clip:Model).", command.ResponseData!["content"]!.GetValue<string>());
    }

    private Task<RunningBot> StartAsync(bool openai, bool clip)
    {
        var settings = openai
            ? new Dictionary<string, string?>
            {
                ["Backends:Default"] = "openai",
                ["Backends:OpenAI:ApiKey"] = FakeOpenAI.Key,
                ["Backends:OpenAI:Endpoint"] = OpenAI.Endpoint.ToString(),
                ["Backends:OpenAI:ImageModel"] = "dall-e-3",
            }
            : RunningBot.TinyOnnx();
        settings["Clip:Model"] = clip ? OnnxTestAssets.Model("tiny-clip") : null;
        settings["Moderation:AllowHttpImageLinks"] = "true";
        settings["Moderation:TrustedLinkHosts:0"] = "127.0.0.1";
        return RunningBot.StartAsync(Emulator, Data.Path, overrides: settings, withTestBackend: false);
    }
}
