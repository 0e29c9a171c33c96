using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Moderation;
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

    [Theory]
    [InlineData("gpt-image-1")]
    [InlineData("gpt-image-1.5")]
    [InlineData("gpt-image-2")]
    public async Task Imagine_GptImageWithReferences_EachSentAsItsOwnImageWithItsRole(string model)
    {
        var red = SolidPng.Of(300, 200, 255, 0, 0);
        var blue = SolidPng.Of(120, 160, 0, 0, 255);
        var request = Request("a lighthouse --ar 2:3") with { References = [new(ReferenceRole.ImagePrompt, red), new(ReferenceRole.Style, blue)] };

        var result = await Backend(model).GenerateAsync(request, new Progress<GenerationProgress>(), CancellationToken.None);

        Assert.Equal(4, result.Images.Count);
        Assert.Empty(_openai.Generations);
        var (fields, _) = Assert.Single(_openai.Edits);
        Assert.Equal(model, fields["model"]!.GetValue<string>());
        Assert.Equal(model == "gpt-image-2" ? "832x1248" : "1024x1536", fields["size"]!.GetValue<string>());
        Assert.Equal("4", fields["n"]!.ToString());
        Assert.Equal("medium", fields["quality"]!.GetValue<string>());
        var prompt = fields["prompt"]!.GetValue<string>();
        Assert.Contains("image 1: follow its content and composition; image 2: copy its style only", prompt, StringComparison.Ordinal);
        Assert.EndsWith("Request: a lighthouse", prompt, StringComparison.Ordinal);
        Assert.Equal([red, blue], Assert.Single(_openai.EditImages));
    }

    [Fact]
    public async Task Imagine_SeventeenReferences_SixteenSent()
    {
        var references = Enumerable.Range(0, 17).Select(i => new ReferenceImage(ReferenceRole.ImagePrompt, SolidPng.Of(16, 16, (byte)i, 0, 0))).ToList();

        await Backend("gpt-image-1.5").GenerateAsync(Request("a lighthouse") with { References = references }, new Progress<GenerationProgress>(), CancellationToken.None);

        Assert.Equal(16, Assert.Single(_openai.EditImages).Count);
    }

    [Theory]
    [InlineData(7, 4, "1344x768")]
    [InlineData(16, 9, "1280x720")]
    [InlineData(1, 1, "1024x1024")]
    [InlineData(2, 3, "832x1248")]
    public async Task Imagine_GptImage2_AskedForTheExactRatio(int width, int height, string size)
    {
        var made = await Backend("gpt-image-2").GenerateAsync(Request($"a fox --ar {width}:{height}"), new Progress<GenerationProgress>(), CancellationToken.None);

        Assert.Equal(size, Assert.Single(_openai.Generations)["size"]!.GetValue<string>());
        var image = Decode(made.Images[0]);
        Assert.Equal(size, $"{image.Width}x{image.Height}");
        Assert.DoesNotContain(made.Notices, static n => n.English.StartsWith("--aspect", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Imagine_GptImage2RatioWiderThan3To1_MadeAt3To1CroppedAndSaidSo()
    {
        var made = await Backend("gpt-image-2").GenerateAsync(Request("a fox --ar 4:1"), new Progress<GenerationProgress>(), CancellationToken.None);

        var size = Assert.Single(_openai.Generations)["size"]!.GetValue<string>();
        var (w, h) = (int.Parse(size.Split('x')[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(size.Split('x')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3.0, (double)w / h, 2);
        var image = Decode(made.Images[0]);
        Assert.Equal(4.0, (double)image.Width / image.Height, 1);
        Assert.Contains(made.Notices, n => n.English == $"gpt-image-2 makes ratios from 1:3 to 3:1: made at {w}×{h} and cropped to --ar 4:1");
    }

    [Theory]
    [InlineData("gpt-image-1.5", "--q .5", "low")]
    [InlineData("gpt-image-1-mini", "", "medium")]
    [InlineData("gpt-image-2", "--q 2", "high")]
    public async Task Imagine_GptImageModels_QualityFromQ(string model, string parameters, string quality)
    {
        await Backend(model).GenerateAsync(Request("a vase " + parameters), new Progress<GenerationProgress>(), CancellationToken.None);

        var sent = Assert.Single(_openai.Generations);
        Assert.Equal((model, quality), (sent["model"]!.GetValue<string>(), sent["quality"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("gpt-image-2", ProviderModeration.Low, "low")]
    [InlineData("gpt-image-1.5", ProviderModeration.Auto, null)]
    [InlineData("dall-e-3", ProviderModeration.Low, null)]
    public async Task Imagine_ServersProviderModeration_SentToTheGptImageModelsOnly(string model, ProviderModeration level, string? sent)
    {
        await Backend(model).GenerateAsync(Request("a vase") with { ProviderModeration = level }, new Progress<GenerationProgress>(), CancellationToken.None);

        Assert.All(_openai.Generations, g => Assert.Equal(sent, g["moderation"]?.GetValue<string>()));
    }

    [Theory]
    [InlineData("gpt-image-1.5", true)]
    [InlineData("gpt-image-1-mini", true)]
    [InlineData("gpt-image-2", false)]
    [InlineData("dall-e-3", false)]
    public async Task Imagine_Transparent_ATransparentPngWhereTheModelMakesOneElseSaidSo(string model, bool made)
    {
        var result = await Backend(model).GenerateAsync(Request("a sticker of a fox --transparent"), new Progress<GenerationProgress>(), CancellationToken.None);

        var sent = _openai.Generations.First();
        Assert.Equal(made ? "transparent" : null, sent["background"]?.GetValue<string>());
        Assert.Equal(made, Decode(result.Images[0]).Pixels[3] == 0);
        Assert.Equal(made, !result.Notices.Any(n => n.English == $"--transparent: {model} cannot make a transparent background"));
    }

    [Fact]
    public async Task Imagine_ModelNamedByTheMember_ThatModelOrARefusalListingThem()
    {
        var options = Options(FakeOpenAI.Key, "gpt-image-1.5", 4, 30);
        options.Models = ["gpt-image-2", "gpt-image-1-mini"];
        var backend = new OpenAIImageBackend(options);

        await backend.GenerateAsync(Request("a vase --model gpt-image-2"), new Progress<GenerationProgress>(), CancellationToken.None);
        await backend.GenerateAsync(Request("a vase"), new Progress<GenerationProgress>(), CancellationToken.None);
        var ex = await Assert.ThrowsAsync<GenerationException>(() => backend.GenerateAsync(Request("a vase --model dall-e-3"), new Progress<GenerationProgress>(), CancellationToken.None));

        Assert.Equal(["gpt-image-2", "gpt-image-1.5"], _openai.Generations.Select(static g => g["model"]!.GetValue<string>()));
        Assert.Equal(new HashSet<string> { "gpt-image-1.5", "gpt-image-2", "gpt-image-1-mini" }, backend.ModelAliases);
        Assert.Contains("gpt-image-1-mini, gpt-image-1.5, gpt-image-2", ex.Reason.English, StringComparison.Ordinal);
        Assert.False(ex.Retryable);
    }

    [Theory]
    [InlineData("gpt-image-1", "1024x1024", 4 * 0.042)]
    [InlineData("gpt-image-1-mini", "1024x1024", 4 * 0.011)]
    [InlineData("gpt-image-1.5", "1536x1024", 4 * 0.05)]
    [InlineData("gpt-image-2", "1344x768", 4 * 0.0522)]
    public void EstimateUsd_EachModel_ItsPriceAtItsSize(string model, string size, double expected)
    {
        var ratio = size == "1024x1024" ? "1:1" : size == "1536x1024" ? "3:2" : "7:4";

        var price = Backend(model).EstimateUsd(Request("a vase --ar " + ratio));

        Assert.Equal((decimal)expected, price, 3);
    }

    [Fact]
    public async Task Imagine_DallE3WithReferences_IgnoresThemAndGenerates()
    {
        var request = Request("a lighthouse") with { References = [new(ReferenceRole.ImagePrompt, SolidPng.Of(8, 8, 1, 2, 3))] };

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

    [Fact]
    public async Task Describe_VisionChatModel_TheImageSentAsAPartAndFourPromptsRead()
    {
        var describer = new OpenAIPromptDescriber(Options(FakeOpenAI.Key, "dall-e-3", 4, 30));
        var png = SolidPng.Of(16, 16, 10, 20, 30);

        var prompts = await describer.DescribeAsync(png, 4, 0, CancellationToken.None);

        Assert.Equal([.. Enumerable.Range(1, 4).Select(static i => $"a picture in rgb(10, 20, 30), take 1.{i}, flat colour")], prompts);
        Assert.Equal("OpenAI gpt-4o-mini", describer.Name);
        var (text, sent) = Assert.Single(_openai.Described);
        Assert.Equal("Write 4 prompts for this image.", text);
        Assert.Equal(png, sent);
        var user = Assert.Single(_openai.Chats)["messages"]![1]!["content"]!.AsArray();
        Assert.Equal("low", user[1]!["image_url"]!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Describe_ChatModelWithoutVision_RefusedWithOpenAIsReason()
    {
        var options = Options(FakeOpenAI.Key, "dall-e-3", 4, 30);
        options.ChatModel = "gpt-3.5-turbo";
        var describer = new OpenAIPromptDescriber(options);

        var failed = await Assert.ThrowsAsync<GenerationException>(() => describer.DescribeAsync(SolidPng.Of(8, 8, 1, 1, 1), 4, 0, CancellationToken.None));

        Assert.Contains("image_url is only supported by certain models", failed.Message, StringComparison.Ordinal);
        Assert.False(failed.Retryable);
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

    [Theory]
    [InlineData("gpt-image-1", "high", "low")]
    [InlineData("gpt-image-1.5", "high", "low")]
    [InlineData("gpt-image-1-mini", null, null)]
    [InlineData("gpt-image-2", null, null)]
    public async Task Vary_GptImageModels_SubtleAndStrongSendDifferentRequests(string model, string? subtle, string? strong)
    {
        var source = Patterned(32, 32);

        var first = await Backend(model).GenerateAsync(Request("a vase", JobKind.Variation, source, "subtle"), new Progress<GenerationProgress>(), CancellationToken.None);
        var second = await Backend(model).GenerateAsync(Request("a vase", JobKind.Variation, source, "strong"), new Progress<GenerationProgress>(), CancellationToken.None);

        var edits = _openai.Edits.Select(static e => e.Fields).ToList();
        Assert.Equal([OpenAIImageBackend.VariationPrompt("subtle") + "a vase", OpenAIImageBackend.VariationPrompt("strong") + "a vase"], edits.Select(static e => e["prompt"]!.GetValue<string>()));
        Assert.Equal([subtle, strong], edits.Select(static e => e["input_fidelity"]?.GetValue<string>()));
        if (subtle is not null)
        {
            Assert.Contains(first.Notices, n => n.English == $"Vary (Subtle): sent to {model} with input fidelity high");
            Assert.Contains(second.Notices, n => n.English == $"Vary (Strong): sent to {model} with input fidelity low");
        }
        else if (model == "gpt-image-2")
        {
            Assert.Contains(first.Notices, static n => n.English.StartsWith("Vary (Subtle): gpt-image-2 reads every input image at high fidelity", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("dall-e-2", "--s 250 --hd", "--stylize: dall-e-2 has no style setting|--hd: dall-e-2 has one quality")]
    [InlineData("gpt-image-1", "--s 250 --hd", "--stylize: gpt-image-1 has no style setting|--hd: --q below 1 asks for low quality, above 1 (or --hd) for high; medium otherwise")]
    [InlineData("gpt-image-1-mini", "--seed 4 --q .5", "--seed: OpenAI's image models take no seed|--quality: --q below 1 asks for low quality, above 1 (or --hd) for high; medium otherwise")]
    [InlineData("gpt-image-1.5", "--ar 16:9 --style raw", "--aspect: the exact ratio on gpt-image-2; on the other models the nearest supported size, then centre-cropped to the exact ratio|--style: gpt-image-1.5 has no style setting")]
    [InlineData("gpt-image-2", "--ar 16:9 --tile", "--tile: OpenAI cannot make seamless tiles")]
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


    private static GenerationRequest Request(string prompt, JobKind kind = JobKind.Imagine, byte[]? source = null, string? option = null) =>
        new(kind, ((PromptParseResult.Success)PromptParser.Parse(prompt)).Jobs[0], 1, source, option);
}
