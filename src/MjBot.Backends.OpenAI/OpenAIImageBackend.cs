using System.ClientModel.Primitives;
using System.Globalization;
using MjBot.Core.Backends;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Ports;
using MjBot.Core.Prompting;
using MjBot.Core.Prompting.Emphasis;
using OpenAI;
using OpenAI.Images;
using MjBot.Core.Localization;

namespace MjBot.Backends.OpenAI;

/// <summary>Images from OpenAI (or Azure OpenAI) through the official SDK, always as bytes (base64), never as expiring
/// URLs. dall-e-3 makes one image per call, so a grid is four calls in parallel; dall-e-2 and gpt-image-1 make four in
/// one call. V buttons use dall-e-2's variations endpoint, or gpt-image-1's edits with the image as reference; Zoom Out
/// and Pan send the image on a larger transparent canvas to the edits endpoint, which fills the transparent part.
/// Every approximated or ignored parameter comes back as a notice for the member.</summary>
public sealed class OpenAIImageBackend : IImageBackend, IPricedBackend
{
    private readonly ImageClient _images;
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

        _images = new ImageClient(settings.Model, settings.Credential(), options);
    }

    /// <summary>The name prompts, options and the spending ledger know this backend by.</summary>
    public const string BackendName = "openai";

    public string Name => BackendName;

    public int Concurrency => Math.Max(1, _settings.MaxConcurrency);

    public BackendCapabilities Capabilities => _model.Capabilities;

    /// <summary>Four images at the size and quality the request maps to (variations and edits at 1024²); upscales
    /// are done locally and cost nothing.</summary>
    public decimal EstimateUsd(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Kind is JobKind.Upscale or JobKind.Select)
        {
            return 0m;
        }

        var aspect = request.Request.Parameters.Aspect ?? new AspectRatio(1, 1);
        var (width, height) = request.Kind is JobKind.Imagine or JobKind.Reroll ? _model.Nearest(aspect.Width, aspect.Height) : (1024, 1024);
        var high = request.Request.Parameters.Quality > 1 || request.Request.Parameters.Hd == true;
        var quality = _model == ImageModel.DallE3 ? (high ? "hd" : "standard") : _model == ImageModel.GptImage1 ? (high ? "high" : "medium") : "standard";
        return JobLimits.GridSize * OpenAIPrices.PerImage(_settings.Prices, _model.Name, quality, width, height);
    }

    public async Task<GenerationResult> GenerateAsync(GenerationRequest request, IProgress<GenerationProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        var aspect = request.Request.Parameters.Aspect ?? new AspectRatio(1, 1);
        var size = _model.Nearest(aspect.Width, aspect.Height);
        var prompt = WithMetaprompt(request.Metaprompt, PromptFor(request.Request));

        // Prompt magic's captions replace the member's words, never the server's preamble or their --no terms.
        var captions = request.Captions.Select(c => WithMetaprompt(request.Metaprompt, WithNegatives(c, request.Request.NegativeTerms))).ToList();
        progress.Report(new GenerationProgress(0, null));
        try
        {
            var made = request.Kind switch
            {
                JobKind.Imagine or JobKind.Reroll when request.References.Count > 0 && _model.Capabilities.HasFlag(BackendCapabilities.References) =>
                    await ReferencedGridAsync(prompt, request.References, size, cancellationToken),
                JobKind.Imagine or JobKind.Reroll => await GenerateGridAsync(prompt, captions, size, request.Request, progress, cancellationToken),
                JobKind.Variation => await VaryAsync(prompt, request.Source!, request.Option, cancellationToken),
                JobKind.ZoomOut or JobKind.Pan => await OutpaintAsync(prompt, request, cancellationToken),
                _ => throw GenerationException.Of("failure.kind_unsupported", retryable: false, ("model", _model.Name), ("kind", request.Kind.ToString())),
            };
            // A pan's result is the grown canvas: only new images are cropped to the member's --ar.
            var images = request.Kind == JobKind.Pan ? [.. made.Images] : made.Images.Select(png => Canvas.CropTo(png, aspect)).ToList();
            return new GenerationResult(images, Notices(request.Request), made.RevisedPrompt);
        }
        catch (Exception ex) when (OpenAIErrors.IsProviderFailure(ex, cancellationToken))
        {
            throw OpenAIErrors.Translate(ex);
        }
    }

    private async Task<(IReadOnlyList<byte[]> Images, string? RevisedPrompt)> GenerateGridAsync(string prompt, IReadOnlyList<string> captions, (int Width, int Height) size, ImagineRequest request, IProgress<GenerationProgress> progress, CancellationToken cancellationToken)
    {
        var options = new ImageGenerationOptions { Size = new GeneratedImageSize(size.Width, size.Height) };
        if (_model.TakesResponseFormat)
        {
            options.ResponseFormat = GeneratedImageFormat.Bytes;
        }

        if (_model.TakesStyle)
        {
            options.Style = request.Parameters.Style == "raw" || request.Parameters.Stylize is <= 100 ? GeneratedImageStyle.Natural : GeneratedImageStyle.Vivid;
        }

        if (_model.Qualities.Length > 0 && (request.Parameters.Quality > 1 || request.Parameters.Hd == true))
        {
            // gpt-image-1's "high" is marked experimental in the SDK; it is the documented value for that model.
#pragma warning disable OPENAI001
            options.Quality = _model == ImageModel.DallE3 ? GeneratedImageQuality.High : GeneratedImageQuality.HighQuality;
#pragma warning restore OPENAI001
        }

        if (_model.MaxImagesPerCall >= JobLimits.GridSize && captions.Count == 0)
        {
            var all = await CallAsync(() => _images.GenerateImagesAsync(prompt, JobLimits.GridSize, options, cancellationToken), cancellationToken);
            return ([.. all.Value.Select(Bytes)], null);
        }

        // One image per call (dall-e-3, or one caption per image with prompt magic): four calls, as many at once as
        // the configured concurrency allows.
        var done = 0;
        var calls = Enumerable.Range(0, JobLimits.GridSize).Select(async i =>
        {
            var text = captions.Count == JobLimits.GridSize ? captions[i] : prompt;
            var one = await CallAsync(() => _images.GenerateImageAsync(text, options, cancellationToken), cancellationToken);
            progress.Report(new GenerationProgress(Interlocked.Increment(ref done) * 100 / JobLimits.GridSize, null));
            return one.Value;
        });
        var images = await Task.WhenAll(calls);
        return ([.. images.Select(Bytes)], captions.Count > 0 ? null : images[0].RevisedPrompt);
    }

    // gpt-image-1 takes reference images through the edits endpoint; the SDK sends one image per edit, so the
    // references go as one sheet, and the prompt says which panel is for what.
    private async Task<(IReadOnlyList<byte[]> Images, string? RevisedPrompt)> ReferencedGridAsync(string prompt, IReadOnlyList<ReferenceImage> references, (int Width, int Height) size, CancellationToken cancellationToken)
    {
        var sheet = Canvas.ReferenceSheet([.. references.Select(static r => r.Png)], 1024);
        var options = EditOptions();
        options.Size = new GeneratedImageSize(size.Width, size.Height);
        var edits = await CallAsync(() => _images.GenerateImageEditsAsync(new MemoryStream(sheet), "references.png", ReferencePrompt(references) + prompt, JobLimits.GridSize, options, cancellationToken), cancellationToken);
        return ([.. edits.Value.Select(Bytes)], null);
    }

    /// <summary>Tells the model what each panel of the reference sheet is for.</summary>
    internal static string ReferencePrompt(IReadOnlyList<ReferenceImage> references)
    {
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

        var panels = string.Join("; ", references.Select((r, i) => $"panel {i + 1}: {Use(r.Role)}"));
        return $"The attached image is a sheet of separate reference images (panels numbered left to right, top to bottom). Do not reproduce the sheet. {panels}. Make one new image from the request below. Request: ";
    }

    /// <summary>What gpt-image-1 is told for Vary (Subtle) and Vary (Strong): the two buttons ask for different things.</summary>
    internal static string VariationPrompt(string? option) => option == "subtle"
        ? "A subtle variation of this image: keep its composition, subjects, colours and lighting, and change only small details. "
        : "A strong variation of this image: keep its subject and style, and freely change the composition, pose and details. ";

    private async Task<(IReadOnlyList<byte[]> Images, string? RevisedPrompt)> VaryAsync(string prompt, byte[] source, string? option, CancellationToken cancellationToken)
    {
        var square = Canvas.Square(source, 1024);
        if (_model == ImageModel.DallE2)
        {
            var options = new ImageVariationOptions { Size = new GeneratedImageSize(1024, 1024), ResponseFormat = GeneratedImageFormat.Bytes };
            var all = await CallAsync(() => _images.GenerateImageVariationsAsync(new MemoryStream(square), "image.png", JobLimits.GridSize, options, cancellationToken), cancellationToken);
            return ([.. all.Value.Select(Bytes)], null);
        }

        var edits = await CallAsync(() => _images.GenerateImageEditsAsync(new MemoryStream(square), "image.png", VariationPrompt(option) + prompt, JobLimits.GridSize, EditOptions(), cancellationToken), cancellationToken);
        return ([.. edits.Value.Select(Bytes)], null);
    }

    private async Task<(IReadOnlyList<byte[]> Images, string? RevisedPrompt)> OutpaintAsync(string prompt, GenerationRequest request, CancellationToken cancellationToken)
    {
        if (request.Kind == JobKind.Pan)
        {
            // The canvas grows in the pan's direction; the original comes back pixel for pixel.
            var (sent, layout) = Canvas.Pan(request.Source!, request.Option ?? "right", (w, h) => _model.Nearest(w, h));
            var panned = await CallAsync(() => _images.GenerateImageEditsAsync(new MemoryStream(sent), "image.png", prompt, JobLimits.GridSize, EditOptions(layout.SentWidth, layout.SentHeight), cancellationToken), cancellationToken);
            return ([.. panned.Value.Select(Bytes).Select(png => Canvas.PanResult(png, layout))], null);
        }

        var canvas = Canvas.ZoomOut(request.Source!, double.Parse(request.Option ?? "2", CultureInfo.InvariantCulture), 1024);
        var edits = await CallAsync(() => _images.GenerateImageEditsAsync(new MemoryStream(canvas), "image.png", prompt, JobLimits.GridSize, EditOptions(), cancellationToken), cancellationToken);
        return ([.. edits.Value.Select(Bytes)], null);
    }

    private ImageEditOptions EditOptions(int width = 1024, int height = 1024)
    {
        var options = new ImageEditOptions { Size = new GeneratedImageSize(width, height) };
        if (_model.TakesResponseFormat)
        {
            options.ResponseFormat = GeneratedImageFormat.Bytes;
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
    private string WithMetaprompt(string? metaprompt, string prompt)
    {
        if (string.IsNullOrWhiteSpace(metaprompt))
        {
            return prompt;
        }

        var room = _model.MaxPromptLength - prompt.Length - 2;
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
    private List<CatalogueText> Notices(ImagineRequest request) =>
    [
        .. ParameterTreatmentTable.GivenParameters(request)
            .Select(name => _model.Treat(ParameterTreatmentTable.For(BackendKind.OpenAIImages, name)))
            .Where(static t => t.Support != ParameterSupport.Honoured)
            .Select(static t => t.Notice),
        .. PromptEmphasis.Plain(request.Prompt) != request.Prompt ? [EmphasisNotice] : Array.Empty<CatalogueText>(),
    ];
}
