using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Prompting;
using MjBot.Imaging.Png;
using MjBot.Testing;

namespace MjBot.Backends.OpenAI.Tests;

/// <summary>The real OpenAI SDK, through our backend, against the fake OpenAI server on 127.0.0.1.</summary>
public sealed class OpenAIImageBackendTests : IAsyncLifetime
{
    private FakeOpenAI _openai = null!;

    public async Task InitializeAsync() => _openai = await FakeOpenAI.StartAsync();

    public async Task DisposeAsync() => await _openai.DisposeAsync();

    [Fact]
    public async Task Generate_DallE3Grid_FourParallelCallsOfOneImageCroppedToTheRatio()
    {
        var backend = Backend("dall-e-3");

        var result = await backend.GenerateAsync(Request("a red fox in snow --ar 16:9 --s 50 --q 2 --seed 7"), new Progress<GenerationProgress>(), CancellationToken.None);

        Assert.Equal(4, result.Images.Count);
        Assert.Equal(4, _openai.Generations.Count);
        Assert.All(_openai.Generations, g =>
        {
            Assert.Equal("1792x1024", g["size"]!.GetValue<string>());
            Assert.Equal(1, g["n"]?.GetValue<int>() ?? 1);
            Assert.Equal("natural", g["style"]!.GetValue<string>());
            Assert.Equal("hd", g["quality"]!.GetValue<string>());
            Assert.Equal("b64_json", g["response_format"]!.GetValue<string>());
        });
        var first = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(result.Images[0])).Image.Pixels;
        Assert.Equal((1792, 1008), (first.Width, first.Height));
        Assert.Equal("A detailed rendering of a red fox in snow", result.RevisedPrompt);
        Assert.Contains(result.Notices, static n => n.English.StartsWith("--seed: OpenAI's image models take no seed", StringComparison.Ordinal));
        Assert.Contains(result.Notices, static n => n.English.StartsWith("--aspect:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Generate_DallE2AndGptImage1_OneCallOfFourInTheShapeEachModelTakes()
    {
        await Backend("dall-e-2").GenerateAsync(Request("a lighthouse --no boats"), new Progress<GenerationProgress>(), CancellationToken.None);
        await Backend("gpt-image-1").GenerateAsync(Request("a lighthouse --ar 2:3"), new Progress<GenerationProgress>(), CancellationToken.None);

        var (dalle2, gpt) = (_openai.Generations.First(), _openai.Generations.Last());
        Assert.Equal(4, dalle2["n"]!.GetValue<int>());
        Assert.Equal("a lighthouse, without boats", dalle2["prompt"]!.GetValue<string>());
        Assert.Null(dalle2["style"]);
        Assert.Equal("1024x1536", gpt["size"]!.GetValue<string>());
        Assert.Null(gpt["response_format"]);
    }

    [Fact]
    public async Task Generate_StableDiffusionEmphasis_SendsTheWordsWithoutTheSyntaxAndSaysSo()
    {
        var result = await Backend("dall-e-2").GenerateAsync(Request(@"(masterpiece:1.3), a [small] \(red\) fox --no (trees)"), new Progress<GenerationProgress>(), CancellationToken.None);

        Assert.Equal("masterpiece, a small (red) fox, without trees", _openai.Generations.Single()["prompt"]!.GetValue<string>());
        Assert.Contains(OpenAIImageBackend.EmphasisNotice, result.Notices);
    }

    [Fact]
    public async Task Generate_NoEmphasis_NoNotice()
    {
        var result = await Backend("dall-e-2").GenerateAsync(Request("a red fox"), new Progress<GenerationProgress>(), CancellationToken.None);

        Assert.DoesNotContain(OpenAIImageBackend.EmphasisNotice, result.Notices);
    }

    [Fact]
    public async Task Generate_WithMetaprompt_PutsItFirstAndShortensItToFitTheModel()
    {
        var metaprompt = "The image needs to be safe for work and appropriate for children. " + new string('x', 2000);

        await Backend("dall-e-3").GenerateAsync(Request("a lighthouse") with { Metaprompt = "Watercolour only." }, new Progress<GenerationProgress>(), CancellationToken.None);
        await Backend("dall-e-2").GenerateAsync(Request("a lighthouse") with { Metaprompt = metaprompt }, new Progress<GenerationProgress>(), CancellationToken.None);

        var (dalle3, dalle2) = (_openai.Generations.First()["prompt"]!.GetValue<string>(), _openai.Generations.Last()["prompt"]!.GetValue<string>());
        Assert.Equal("Watercolour only.\n\na lighthouse", dalle3);
        Assert.Equal(1000, dalle2.Length);
        Assert.StartsWith("The image needs to be safe", dalle2, StringComparison.Ordinal);
        Assert.EndsWith("\n\na lighthouse", dalle2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variation_DallE2_UsesTheVariationsEndpointWithASquarePng()
    {
        var source = (await Backend("dall-e-2").GenerateAsync(Request("a vase"), new Progress<GenerationProgress>(), CancellationToken.None)).Images[0];

        var varied = await Backend("dall-e-2").GenerateAsync(Request("a vase", JobKind.Variation, source), new Progress<GenerationProgress>(), CancellationToken.None);

        Assert.Equal(4, varied.Images.Count);
        Assert.Contains(_openai.Requests, static r => r.Path == "/v1/images/variations");
    }

    [Fact]
    public async Task ZoomOut_GptImage1_SendsATransparentCanvasToEdits()
    {
        var source = (await Backend("gpt-image-1").GenerateAsync(Request("a vase"), new Progress<GenerationProgress>(), CancellationToken.None)).Images[0];

        var zoomed = await Backend("gpt-image-1").GenerateAsync(Request("a vase", JobKind.ZoomOut, source, "2"), new Progress<GenerationProgress>(), CancellationToken.None);

        Assert.Equal(4, zoomed.Images.Count);
        Assert.Contains(_openai.Requests, static r => r.Path == "/v1/images/edits");
    }

    [Fact]
    public async Task Imagine_GptImage1WithReferences_OneEditWithASquareSheetAndPanelRoles()
    {
        var red = Solid(300, 200, 255, 0, 0);
        var blue = Solid(120, 160, 0, 0, 255);
        var request = Request("a lighthouse --ar 2:3") with { References = [new(ReferenceRole.ImagePrompt, red), new(ReferenceRole.Style, blue)] };

        var result = await Backend("gpt-image-1").GenerateAsync(request, new Progress<GenerationProgress>(), CancellationToken.None);

        Assert.Equal(4, result.Images.Count);
        Assert.Empty(_openai.Generations);
        var (fields, image) = Assert.Single(_openai.Edits);
        Assert.Equal("1024x1536", fields["size"]!.GetValue<string>());
        Assert.Equal("4", fields["n"]!.ToString());
        var prompt = fields["prompt"]!.GetValue<string>();
        Assert.Contains("panel 1: follow its content and composition; panel 2: copy its style only", prompt, StringComparison.Ordinal);
        Assert.EndsWith("Request: a lighthouse", prompt, StringComparison.Ordinal);
        var sheet = Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(image)).Image.Pixels;
        Assert.Equal((1024, 1024), (sheet.Width, sheet.Height));
        Assert.Equal([255, 0, 0, 255], sheet.Pixels.AsSpan(((256 * 1024) + 256) * 4, 4).ToArray());
        Assert.Equal([0, 0, 255, 255], sheet.Pixels.AsSpan(((256 * 1024) + 768) * 4, 4).ToArray());
        Assert.Equal([255, 255, 255, 255], sheet.Pixels.AsSpan(((768 * 1024) + 768) * 4, 4).ToArray());
    }

    [Fact]
    public async Task Imagine_DallE3WithReferences_IgnoresThemAndGenerates()
    {
        var request = Request("a lighthouse") with { References = [new(ReferenceRole.ImagePrompt, Solid(8, 8, 1, 2, 3))] };

        await Backend("dall-e-3").GenerateAsync(request, new Progress<GenerationProgress>(), CancellationToken.None);

        Assert.Empty(_openai.Edits);
        Assert.Equal(4, _openai.Generations.Count);
    }

    [Fact]
    public async Task Generate_ContentPolicyViolation_IsBlockedNotRetried()
    {
        var refused = await Assert.ThrowsAsync<GenerationException>(() =>
            Backend("dall-e-3").GenerateAsync(Request("something forbidden"), new Progress<GenerationProgress>(), CancellationToken.None));

        Assert.True(refused.Blocked);
        Assert.False(refused.Retryable);
        Assert.Equal("the provider's safety system refused this prompt", refused.Message);
        Assert.Equal(4, _openai.Requests.Count);
    }

    [Fact]
    public async Task Generate_429Then500_RetriedBySdkAndSucceeds()
    {
        _openai.Fail(429, 500);

        var result = await Backend("dall-e-2").GenerateAsync(Request("a kite"), new Progress<GenerationProgress>(), CancellationToken.None);

        Assert.Equal(4, result.Images.Count);
        Assert.Equal(3, _openai.Requests.Count);
    }

    [Fact]
    public async Task Generate_WrongKey_IsAConfigurationErrorThatNeverQuotesTheKey()
    {
        const string wrong = "sk-wrong-0123456789abcdefghijklmnopqrstuv";
        var backend = new OpenAIImageBackend(Options(wrong, "dall-e-2", 2, 30));

        var refused = await Assert.ThrowsAsync<GenerationException>(() => backend.GenerateAsync(Request("a kite"), new Progress<GenerationProgress>(), CancellationToken.None));

        Assert.False(refused.Retryable);
        Assert.Contains("Backends:OpenAI:ApiKey", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, refused.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dall-e-3", "a fox", 0.16)]
    [InlineData("dall-e-3", "a fox --ar 16:9 --q 2", 0.48)]
    [InlineData("dall-e-2", "a fox --ar 16:9", 0.08)]
    [InlineData("gpt-image-1", "a fox --hd", 0.668)]
    public void EstimateUsd_ListPrices_FourImagesAtTheMappedSizeAndQuality(string model, string prompt, double usd) =>
        Assert.Equal((decimal)usd, Backend(model).EstimateUsd(Request(prompt)));

    [Fact]
    public void EstimateUsd_ConfiguredPrice_OverridesTheListAndUpscalesAreFree()
    {
        var options = Options(FakeOpenAI.Key, "dall-e-3", 4, 30);
        options.Prices["dall-e-3:standard:1024x1024"] = 0.05m;
        var backend = new OpenAIImageBackend(options);

        Assert.Equal(0.20m, backend.EstimateUsd(Request("a fox")));
        Assert.Equal(0m, backend.EstimateUsd(Request("a fox", JobKind.Upscale)));
    }

    [Fact]
    public async Task Generate_SlowerThanTheTimeout_IsARetryableFailureSaidPlainly()
    {
        _openai.Delay = TimeSpan.FromSeconds(5);
        var backend = new OpenAIImageBackend(Options(FakeOpenAI.Key, "dall-e-2", 1, 0.3));

        var failed = await Assert.ThrowsAsync<GenerationException>(() => backend.GenerateAsync(Request("a kite"), new Progress<GenerationProgress>(), CancellationToken.None));

        Assert.True(failed.Retryable);
        Assert.Equal("OpenAI did not answer in time", failed.Message);
    }

    [Fact]
    public async Task PromptMagic_FakeChatModel_FourCaptionsWithoutTheirListMarkers()
    {
        var expander = new OpenAIPromptExpander(Options(FakeOpenAI.Key, "dall-e-3", 4, 30));

        var captions = await expander.ExpandAsync("3 cats on a sofa", 4, CancellationToken.None);

        Assert.Equal([.. Enumerable.Range(1, 4).Select(static i => $"A photo of 3 cats on a sofa, take {i}, soft morning light.")], captions);
        Assert.Equal("gpt-4o-mini", Assert.Single(_openai.Chats)["model"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("gpt-image-1", "left", 72, 32, 24, 0)]
    [InlineData("gpt-image-1", "right", 72, 32, 0, 0)]
    [InlineData("gpt-image-1", "up", 48, 48, 0, 16)]
    [InlineData("dall-e-2", "down", 48, 48, 0, 0)]
    public async Task Pan_NonSquareSource_GrowsTheCanvasThatWayAndKeepsEveryOriginalPixel(string model, string direction, int width, int height, int x, int y)
    {
        var source = Patterned(48, 32);

        var panned = await Backend(model).GenerateAsync(Request("a vase", JobKind.Pan, source, direction), new Progress<GenerationProgress>(), CancellationToken.None);

        var original = Decode(source);
        Assert.Equal(4, panned.Images.Count);
        foreach (var png in panned.Images)
        {
            var made = Decode(png);
            Assert.Equal((width, height), (made.Width, made.Height));
            Assert.Equal(original.Pixels, MjBot.Imaging.ImageOperations.Crop(made, x, y, original.Width, original.Height).Pixels);
        }

        var (fields, sent) = Assert.Single(_openai.Edits);
        Assert.Equal(model == "gpt-image-1" && direction is "left" or "right" ? "1536x1024" : "1024x1024", fields["size"]!.GetValue<string>());
        Assert.Equal((1024, model == "gpt-image-1" && direction is "left" or "right" ? 1536 : 1024), (Decode(sent).Height, Decode(sent).Width));
    }

    [Fact]
    public async Task Vary_GptImage1_SubtleAndStrongSendDifferentRequests()
    {
        var source = Patterned(32, 32);

        await Backend("gpt-image-1").GenerateAsync(Request("a vase", JobKind.Variation, source, "subtle"), new Progress<GenerationProgress>(), CancellationToken.None);
        await Backend("gpt-image-1").GenerateAsync(Request("a vase", JobKind.Variation, source, "strong"), new Progress<GenerationProgress>(), CancellationToken.None);

        var prompts = _openai.Edits.Select(static e => e.Fields["prompt"]!.GetValue<string>()).ToList();
        Assert.Equal([OpenAIImageBackend.VariationPrompt("subtle") + "a vase", OpenAIImageBackend.VariationPrompt("strong") + "a vase"], prompts);
        Assert.NotEqual(prompts[0], prompts[1]);
    }

    [Theory]
    [InlineData("dall-e-2", "--s 250 --hd", "--stylize: dall-e-2 has no style setting|--hd: dall-e-2 has one quality")]
    [InlineData("gpt-image-1", "--s 250 --hd", "--stylize: gpt-image-1 has no style setting|--hd: asks for high quality")]
    [InlineData("dall-e-3", "--s 250 --hd", "--stylize: vivid style above 100, natural at or below|--hd: asks for hd quality")]
    [InlineData("dall-e-3", "--sref https://example.com/a.png", "--sref: dall-e-3 takes no reference images")]
    public async Task Imagine_EachModel_NoticesSayWhatReallyHappened(string model, string parameters, string expected)
    {
        var made = await Backend(model).GenerateAsync(Request("a vase " + parameters), new Progress<GenerationProgress>(), CancellationToken.None);

        Assert.Equal(expected.Split('|'), made.Notices.Select(static n => n.English));
    }

    [Fact]
    public async Task PromptMagic_Captions_KeepTheServersPreambleAndTheNegativeTerms()
    {
        var request = Request("a vase --no flowers") with
        {
            Captions = [.. Enumerable.Range(1, 4).Select(static i => $"caption {i}")],
            Metaprompt = "Keep it safe for children.",
        };

        await Backend("dall-e-3").GenerateAsync(request, new Progress<GenerationProgress>(), CancellationToken.None);

        Assert.Equal(
            [.. Enumerable.Range(1, 4).Select(static i => $"Keep it safe for children.\n\ncaption {i}, without flowers")],
            _openai.Generations.Select(static g => g["prompt"]!.GetValue<string>()).Order());
    }

    private static byte[] Patterned(int width, int height)
    {
        var image = new MjBot.Imaging.RgbaImage(width, height);
        for (var i = 0; i < image.Pixels.Length; i += 4)
        {
            (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2], image.Pixels[i + 3]) = ((byte)(i * 7), (byte)(i / 3), (byte)(i * 13 + 5), 255);
        }

        return PngEncoder.Encode(image);
    }

    private static MjBot.Imaging.RgbaImage Decode(byte[] png) => Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(png)).Image.Pixels;

    private OpenAIBackendOptions Options(string key, string model, int concurrency, double timeoutSeconds) => new()
    {
        ApiKey = key,
        Endpoint = _openai.Endpoint.ToString(),
        ImageModel = model,
        MaxConcurrency = concurrency,
        TimeoutSeconds = timeoutSeconds,
    };

    private OpenAIImageBackend Backend(string model) =>
        new(Options(FakeOpenAI.Key, model, 4, 30));

    private static byte[] Solid(int width, int height, byte r, byte g, byte b)
    {
        var image = new MjBot.Imaging.RgbaImage(width, height);
        for (var i = 0; i < image.Pixels.Length; i += 4)
        {
            (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2], image.Pixels[i + 3]) = (r, g, b, 255);
        }

        return PngEncoder.Encode(image);
    }

    private static GenerationRequest Request(string prompt, JobKind kind = JobKind.Imagine, byte[]? source = null, string? option = null) =>
        new(kind, ((PromptParseResult.Success)PromptParser.Parse(prompt)).Jobs[0], 1, source, option);
}
