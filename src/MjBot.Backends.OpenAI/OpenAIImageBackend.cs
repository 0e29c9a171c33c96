using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using MjBot.Core.Backends;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Localization;
using MjBot.Core.Moderation;
using MjBot.Core.Ports;
using MjBot.Core.Prompting;
using MjBot.Core.Prompting.Emphasis;
using OpenAI;
using OpenAI.Images;

namespace MjBot.Backends.OpenAI;

/// <summary>Images from OpenAI (or Azure OpenAI) through the official SDK, always as bytes (base64), never as expiring
/// URLs. Each configured model (<c>ImageModel</c> and <c>Models</c>) is a <c>--model</c> alias. dall-e-3 makes one
/// image per call, so a grid is four calls in parallel; the others make four in one call; gpt-image-2 is asked for the
/// member's exact ratio. V buttons use dall-e-2's variations endpoint, or the GPT image models' edits with the image as
/// input (input fidelity high for Subtle, low for Strong where the model takes it); references go as separate images
/// (up to 16) through the SDK's protocol method; Zoom Out and Pan send the image on a larger transparent canvas to the
/// edits endpoint, which fills the transparent part. Every approximated or ignored parameter comes back as a notice.</summary>
public sealed class OpenAIImageBackend : IImageBackend, IPricedBackend, IModelCatalog
{
    private readonly Dictionary<string, (ImageClient Client, ImageModel Model)> _models;
    private readonly ImageModel _model;
    private readonly OpenAIBackendOptions _settings;
    private readonly SemaphoreSlim _calls;

    public OpenAIImageBackend(OpenAIBackendOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _model = ImageModel.For(settings.Model);
        _calls = new SemaphoreSlim(Math.Max(1, settings.MaxConcurrency));
        var options = new OpenAIClientOptions
        {
            NetworkTimeout = settings.Timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 3),
            UserAgentApplicationId = "mjbot",
        };
        if (settings.EndpointUri() is { } endpoint)
        {
            options.Endpoint = endpoint;
        }

        var credential = settings.Credential();
        _models = settings.AllModels.ToDictionary(static m => m, m => (new ImageClient(m, credential, options), ImageModel.For(m)), StringComparer.Ordinal);
        ModelAliases = _models.Keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The name prompts, options and the spending ledger know this backend by.</summary>
    public const string BackendName = "openai";

    public string Name => BackendName;

    public int Concurrency => Math.Max(1, _settings.MaxConcurrency);

    public BackendCapabilities Capabilities => _model.Capabilities;

    /// <summary>The named model's capabilities (a dall-e-3 default with <c>--model gpt-image-1</c> varies and takes
    /// references); a name that is not ours keeps the default's, and the job itself is refused with the list.</summary>
    public BackendCapabilities CapabilitiesFor(string? model) =>
        model is not null && _models.TryGetValue(model, out var chosen) ? chosen.Model.Capabilities : Capabilities;

    public IReadOnlySet<string> ModelAliases { get; }

    /// <summary>Four images at the size and quality the request maps to, on its model (variations and edits at
    /// 1024²); upscales are done locally and cost nothing.</summary>
    public decimal EstimateUsd(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Kind is JobKind.Upscale or JobKind.Select)
        {
            return 0m;
        }

        var (_, model) = Choose(request.Request);
        var (width, height) = request.Kind is JobKind.Imagine or JobKind.Reroll ? SizeOf(model, request.Request) : (1024, 1024);
        return JobLimits.GridSize * OpenAIPrices.PerImage(_settings.Prices, model.Name, QualityName(model, request.Request.Parameters), width, height, model.FreeSizes);
    }

    public async Task<GenerationResult> GenerateAsync(GenerationRequest request, IProgress<GenerationProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        var (client, model) = Choose(request.Request);
        var aspect = request.Request.Parameters.Aspect ?? new AspectRatio(1, 1);
        var size = SizeOf(model, request.Request);
        var call = new ModelCall(client, model);
        var prompt = WithMetaprompt(model, request.Metaprompt, PromptFor(request.Request));

        // Prompt magic's captions replace the member's words, never the server's preamble or their --no terms.
        var captions = request.Captions.Select(c => WithMetaprompt(model, request.Metaprompt, WithNegatives(c, request.Request.NegativeTerms))).ToList();
        progress.Report(new GenerationProgress(0, null));
        var notices = Notices(model, request.Request);
        try
        {
            var made = request.Kind switch
            {
                JobKind.Imagine or JobKind.Reroll when request.References.Count > 0 && model.Capabilities.HasFlag(BackendCapabilities.References) =>
                    await ReferencedGridAsync(call, prompt, request.References, size, request.Request, cancellationToken),
                JobKind.Imagine or JobKind.Reroll => await GenerateGridAsync(call, prompt, captions, size, request.Request, request.ProviderModeration, progress, cancellationToken),
                JobKind.Variation => await VaryAsync(call, prompt, request, notices, cancellationToken),
                JobKind.ZoomOut or JobKind.Pan => await OutpaintAsync(call, prompt, request, cancellationToken),
                _ => throw GenerationException.Of("failure.kind_unsupported", retryable: false, ("model", model.Name), ("kind", request.Kind.ToString())),
            };
            if (model.FreeSizes && request.Kind is JobKind.Imagine or JobKind.Reroll && FreeSize.OutOfRange(aspect.Width, aspect.Height))
            {
                notices.Add(CatalogueText.Of("notice.openai_ratio_clamped", ("model", model.Name), ("size", $"{size.Width}×{size.Height}"), ("ratio", $"{aspect.Width}:{aspect.Height}")));
            }

            // A pan's result is the grown canvas: only new images are cropped to the member's --ar.
            var images = request.Kind == JobKind.Pan ? [.. made.Images] : made.Images.Select(png => Canvas.CropTo(png, aspect)).ToList();
            return new GenerationResult(images, notices, made.RevisedPrompt);
        }
        catch (Exception ex) when (OpenAIErrors.IsProviderFailure(ex, cancellationToken))
        {
            throw OpenAIErrors.Translate(ex);
        }
    }

    // The prompt's --model when it names one of ours, else the default; a name that is not ours is refused.
    private (ImageClient Client, ImageModel Model) Choose(ImagineRequest request)
    {
        if (request.Parameters.Model is not { } name)
        {
            return _models[_settings.Model];
        }

        return _models.TryGetValue(name, out var chosen)
            ? chosen
            : throw GenerationException.Of("failure.unknown_model", retryable: false, ("model", name), ("models", string.Join(", ", ModelAliases.Order(StringComparer.Ordinal))));
    }

    private static (int Width, int Height) SizeOf(ImageModel model, ImagineRequest request)
    {
        var aspect = request.Parameters.Aspect ?? new AspectRatio(1, 1);
        return model.SizeFor(aspect.Width, aspect.Height, large: request.Parameters.Hd == true);
    }

    // The GPT image models: --q below 1 low, above 1 (or --hd) high, else medium; dall-e-3 hd or standard.
    private static string QualityName(ImageModel model, ImagineParameters p)
    {
        var high = p.Quality > 1 || p.Hd == true;
        return model.IsGptImage ? (high ? "high" : p.Quality < 1 ? "low" : "medium")
            : model == ImageModel.DallE3 ? (high ? "hd" : "standard")
            : "standard";
    }

    // --transparent, on a model that makes transparent backgrounds (PNG output keeps the alpha).
    private static bool Transparent(ImageModel model, ImagineRequest request) => request.Parameters.Transparent == true && model.TakesTransparent;

    private static GeneratedImageQuality? Quality(ImageModel model, ImagineParameters p) => QualityName(model, p) switch
    {
        "low" => GeneratedImageQuality.LowQuality,
        "medium" => GeneratedImageQuality.MediumQuality,
        "high" => GeneratedImageQuality.HighQuality,
        "hd" => GeneratedImageQuality.High,
        _ => default(GeneratedImageQuality?),
    };

    private async Task<(IReadOnlyList<byte[]> Images, string? RevisedPrompt)> GenerateGridAsync(ModelCall call, string prompt, IReadOnlyList<string> captions, (int Width, int Height) size, ImagineRequest request, ProviderModeration moderation, IProgress<GenerationProgress> progress, CancellationToken cancellationToken)
    {
        var model = call.Model;
        var options = new ImageGenerationOptions { Size = new GeneratedImageSize(size.Width, size.Height), Quality = Quality(model, request.Parameters) };
        if (model.IsGptImage && moderation == ProviderModeration.Low)
        {
            // The server's moderators chose OpenAI's less restrictive filtering (its edits take no such field).
            options.ModerationLevel = GeneratedImageModerationLevel.Low;
        }

        if (model.TakesResponseFormat)
        {
            options.ResponseFormat = GeneratedImageFormat.Bytes;
        }

        if (Transparent(model, request))
        {
            (options.Background, options.OutputFileFormat) = (GeneratedImageBackground.Transparent, GeneratedImageFileFormat.Png);
        }

        if (model.TakesStyle)
        {
            options.Style = request.Parameters.Style == "raw" || request.Parameters.Stylize is <= 100 ? GeneratedImageStyle.Natural : GeneratedImageStyle.Vivid;
        }

        if (model.MaxImagesPerCall >= JobLimits.GridSize && captions.Count == 0)
        {
            var all = await CallAsync(() => call.Client.GenerateImagesAsync(prompt, JobLimits.GridSize, options, cancellationToken), cancellationToken);
            return ([.. all.Value.Select(Bytes)], null);
        }

        // One image per call (dall-e-3, or one caption per image with prompt magic): four calls, as many at once as
        // the configured concurrency allows.
        var done = 0;
        var calls = Enumerable.Range(0, JobLimits.GridSize).Select(async i =>
        {
            var text = captions.Count == JobLimits.GridSize ? captions[i] : prompt;
            var one = await CallAsync(() => call.Client.GenerateImageAsync(text, options, cancellationToken), cancellationToken);
            progress.Report(new GenerationProgress(Interlocked.Increment(ref done) * 100 / JobLimits.GridSize, null));
            return one.Value;
        });
        var images = await Task.WhenAll(calls);
        return ([.. images.Select(Bytes)], captions.Count > 0 ? null : images[0].RevisedPrompt);
    }

    // The GPT image models take up to 16 input images in one edit; the SDK's typed method sends one, so the edit goes
    // through its protocol method (the same client and pipeline) with each reference as its own image[] part.
    private async Task<(IReadOnlyList<byte[]> Images, string? RevisedPrompt)> ReferencedGridAsync(ModelCall call, string prompt, IReadOnlyList<ReferenceImage> references, (int Width, int Height) size, ImagineRequest request, CancellationToken cancellationToken)
    {
        var sent = references.Take(call.Model.MaxEditImages).ToList();
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(call.Client.Model), "model");
        form.Add(new StringContent(ReferencePrompt(sent, blend: request.Prompt.Length == 0) + prompt), "prompt");
        form.Add(new StringContent(JobLimits.GridSize.ToString(CultureInfo.InvariantCulture)), "n");
        form.Add(new StringContent($"{size.Width}x{size.Height}"), "size");
        form.Add(new StringContent(QualityName(call.Model, request.Parameters)), "quality");
        if (Transparent(call.Model, request))
        {
            form.Add(new StringContent("transparent"), "background");
            form.Add(new StringContent("png"), "output_format");
        }

        for (var i = 0; i < sent.Count; i++)
        {
            var image = new ByteArrayContent(Canvas.CheckedReference(sent[i].Png));
            image.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
            form.Add(image, "image[]", $"reference-{i + 1}.png");
        }

        var body = BinaryContent.Create(BinaryData.FromBytes(await form.ReadAsByteArrayAsync(cancellationToken)));
        var contentType = form.Headers.ContentType!.ToString();
        var result = await CallAsync(() => call.Client.GenerateImageEditsAsync(body, contentType, new RequestOptions { CancellationToken = cancellationToken }), cancellationToken);
        var edits = (GeneratedImageCollection)result;
        return ([.. edits.Select(Bytes)], null);
    }

    /// <summary>Tells the model what each attached image is for (they are numbered in the order sent); image prompts
    /// without words (/blend) are to be blended.</summary>
    internal static string ReferencePrompt(IReadOnlyList<ReferenceImage> references, bool blend = false)
    {
        if (blend && references.Count > 1 && references.All(static r => r.Role == ReferenceRole.ImagePrompt))
        {
            return $"Blend the {references.Count} attached images into one new image that combines their subjects, shapes, colours and styles as one coherent scene. ";
        }

        static string Use(ReferenceRole role) => role switch
        {
            ReferenceRole.Style => "copy its style only (colours, medium, lighting), not its content",
            ReferenceRole.Character => "keep this character's appearance",
            ReferenceRole.Omni => "keep this subject's appearance",
            _ => "follow its content and composition",
        };

        if (references.Count == 1)
        {
            return $"Make a new image from the request below, using the attached reference image: {Use(references[0].Role)}. Request: ";
        }

        var images = string.Join("; ", references.Select((r, i) => $"image {i + 1}: {Use(r.Role)}"));
        return $"The {references.Count} attached images are separate references, numbered in the order attached: {images}. Make one new image from the request below. Request: ";
    }

    /// <summary>What the GPT image models are told for Vary (Subtle) and Vary (Strong): the two buttons ask for different things.</summary>
    internal static string VariationPrompt(string? option) => option == "subtle"
        ? "A subtle variation of this image: keep its composition, subjects, colours and lighting, and change only small details. "
        : "A strong variation of this image: keep its subject and style, and freely change the composition, pose and details. ";

    private async Task<(IReadOnlyList<byte[]> Images, string? RevisedPrompt)> VaryAsync(ModelCall call, string prompt, GenerationRequest request, List<CatalogueText> notices, CancellationToken cancellationToken)
    {
        var square = Canvas.Square(request.Source!, 1024);
        if (call.Model == ImageModel.DallE2)
        {
            var options = new ImageVariationOptions { Size = new GeneratedImageSize(1024, 1024), ResponseFormat = GeneratedImageFormat.Bytes };
            var all = await CallAsync(() => call.Client.GenerateImageVariationsAsync(new MemoryStream(square), "image.png", JobLimits.GridSize, options, cancellationToken), cancellationToken);
            return ([.. all.Value.Select(Bytes)], null);
        }

        // Subtle keeps the image's details (input fidelity high), Strong lets them go (low), where the model takes it.
        var edit = EditOptions(call.Model, request.Request);
        var subtle = request.Option == "subtle";
        var variation = subtle ? "Vary (Subtle)" : request.Option == "strong" ? "Vary (Strong)" : "Variations";
        if (call.Model.TakesInputFidelity)
        {
            edit.InputFidelity = subtle ? ImageInputFidelity.High : ImageInputFidelity.Low;
            notices.Add(CatalogueText.Of("notice.openai_fidelity", ("variation", variation), ("model", call.Model.Name), ("fidelity", subtle ? "high" : "low")));
        }
        else if (call.Model.AlwaysHighFidelity)
        {
            notices.Add(CatalogueText.Of("notice.openai_fidelity_fixed", ("variation", variation), ("model", call.Model.Name)));
        }

        var edits = await CallAsync(() => call.Client.GenerateImageEditsAsync(new MemoryStream(square), "image.png", VariationPrompt(request.Option) + prompt, JobLimits.GridSize, edit, cancellationToken), cancellationToken);
        return ([.. edits.Value.Select(Bytes)], null);
    }

    private async Task<(IReadOnlyList<byte[]> Images, string? RevisedPrompt)> OutpaintAsync(ModelCall call, string prompt, GenerationRequest request, CancellationToken cancellationToken)
    {
        if (request.Kind == JobKind.Pan)
        {
            // The canvas grows in the pan's direction; the original comes back pixel for pixel.
            var (sent, layout) = Canvas.Pan(request.Source!, request.Option ?? "right", (w, h) => call.Model.Nearest(w, h));
            var panned = await CallAsync(() => call.Client.GenerateImageEditsAsync(new MemoryStream(sent), "image.png", prompt, JobLimits.GridSize, EditOptions(call.Model, request.Request, layout.SentWidth, layout.SentHeight), cancellationToken), cancellationToken);
            return ([.. panned.Value.Select(Bytes).Select(png => Canvas.PanResult(png, layout))], null);
        }

        var canvas = Canvas.ZoomOut(request.Source!, double.Parse(request.Option ?? "2", CultureInfo.InvariantCulture), 1024);
        var edits = await CallAsync(() => call.Client.GenerateImageEditsAsync(new MemoryStream(canvas), "image.png", prompt, JobLimits.GridSize, EditOptions(call.Model, request.Request), cancellationToken), cancellationToken);
        return ([.. edits.Value.Select(Bytes)], null);
    }

    private static ImageEditOptions EditOptions(ImageModel model, ImagineRequest request, int width = 1024, int height = 1024)
    {
        var options = new ImageEditOptions { Size = new GeneratedImageSize(width, height) };
        if (model.TakesResponseFormat)
        {
            options.ResponseFormat = GeneratedImageFormat.Bytes;
        }

        if (model.IsGptImage)
        {
            options.Quality = Quality(model, request.Parameters);
        }

        return options;
    }

    private async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        await _calls.WaitAsync(cancellationToken);
        try
        {
            return await call();
        }
        finally
        {
            _calls.Release();
        }
    }

    private static byte[] Bytes(GeneratedImage image) =>
        image.ImageBytes?.ToArray() ?? throw GenerationException.Of("failure.openai_no_bytes", retryable: true);

    // The server's metaprompt first, then the member's prompt. The model's prompt limit is for the two together: the
    // member's prompt is never cut, the metaprompt is shortened instead.
    private static string WithMetaprompt(ImageModel model, string? metaprompt, string prompt)
    {
        if (string.IsNullOrWhiteSpace(metaprompt))
        {
            return prompt;
        }

        var room = model.MaxPromptLength - prompt.Length - 2;
        if (room < 40)
        {
            return prompt;
        }

        return (metaprompt.Length > room ? metaprompt[..room] : metaprompt) + "\n\n" + prompt;
    }

    // The prompt as one sentence: multi-prompt weights and Stable Diffusion's (word:1.3) emphasis dropped, --no
    // phrased as "without …".
    private static string PromptFor(ImagineRequest request)
    {
        var text = request.MultiPrompt.IsDefaultOrEmpty
            ? request.Prompt
            : string.Join(", ", request.MultiPrompt.Where(static s => s.Weight > 0).Select(static s => s.Text.Trim()));
        return WithNegatives(PromptEmphasis.Plain(text), [.. request.NegativeTerms.Select(PromptEmphasis.Plain)]);
    }

    internal static readonly CatalogueText EmphasisNotice = CatalogueText.Of("notice.emphasis_dropped");

    private static string WithNegatives(string text, IReadOnlyCollection<string> negatives) =>
        negatives.Count == 0 ? text : $"{text}, without {string.Join(", without ", negatives)}";

    // One true sentence per parameter the model approximates or ignores.
    private static List<CatalogueText> Notices(ImageModel model, ImagineRequest request) =>
    [
        .. ParameterTreatmentTable.GivenParameters(request)
            .Select(name => model.Treat(ParameterTreatmentTable.For(BackendKind.OpenAIImages, name)))
            .Where(static t => t.Support != ParameterSupport.Honoured)
            .Select(static t => t.Notice),
        .. PromptEmphasis.Plain(request.Prompt) != request.Prompt ? [EmphasisNotice] : Array.Empty<CatalogueText>(),
    ];
}
