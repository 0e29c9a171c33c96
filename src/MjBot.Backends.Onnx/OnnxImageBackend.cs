using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MjBot.Backends.Onnx.Pipeline;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Ports;
using MjBot.Imaging;
using MjBot.Imaging.Png;
using MjBot.Backends.Onnx.Runtime;
using MjBot.Core.Localization;

namespace MjBot.Backends.Onnx;

/// <summary>Local Stable Diffusion on ONNX Runtime: one job at a time on a thread of its own (the GPU, or the CPU when
/// CUDA is absent). Models are opened on first use and kept. Grids and rerolls are text-to-image; V buttons and Vary
/// are image-to-image (Subtle 0.35, Strong 0.65, V1–V4 as configured); an Upscale job is the refinement of Upscale
/// (Creative): image-to-image at 0.3 of the image the host enlarged (its upscaler, or Lanczos); Zoom Out and Pan
/// outpaint with the configured inpainting model.</summary>
public sealed class OnnxImageBackend : IImageBackend, IModelCatalog, IDisposable
{
    private readonly OnnxBackendOptions _settings;
    private readonly IReadOnlySet<string> _aliases;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1);
    private readonly Dictionary<string, StableDiffusionModel> _models = new(StringComparer.Ordinal);
    private readonly Lock _modelsLock = new();
    private int _fallbackLogged;

    public OnnxImageBackend(OnnxBackendOptions settings, ILogger<OnnxImageBackend> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _aliases = settings.Aliases();
        _logger = logger;
        SessionFactory.Log((severity, message) =>
        {
            if (severity == Microsoft.ML.OnnxRuntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL)
            {
                logger.RuntimeFatal(message);
            }
            else
            {
                logger.RuntimeMessage(message);
            }
        });
        var encoder = File.Exists(Path.Combine(settings.FolderOf(settings.DefaultModel), "vae_encoder", "model.onnx"));
        var inpaint = settings.InpaintAlias is { } alias && StableDiffusionModel.Problems(settings.FolderOf(alias)).Count == 0;
        Capabilities = BackendCapabilities.Previews | BackendCapabilities.EnglishOnly | BackendCapabilities.Unfiltered
            | (encoder ? BackendCapabilities.Variations | BackendCapabilities.SubtleVariations | BackendCapabilities.Upscale | BackendCapabilities.ImagePrompts : BackendCapabilities.None)
            | (inpaint && encoder ? BackendCapabilities.Outpaint : BackendCapabilities.None);
    }

    public const string BackendName = "onnx";

    public string Name => BackendName;

    /// <summary>Gets the configured aliases and the model folders present at start (read once: a command's
    /// acknowledgement reads nothing from disk).</summary>
    public IReadOnlySet<string> ModelAliases => _aliases;

    public int Concurrency => 1;

    public BackendCapabilities Capabilities { get; }

    public async Task<GenerationResult> GenerateAsync(GenerationRequest request, IProgress<GenerationProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await Task.Factory.StartNew(() => Generate(request, progress, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        lock (_modelsLock)
        {
            foreach (var model in _models.Values)
            {
                model.Dispose();
            }

            _models.Clear();
        }

        _gate.Dispose();
    }

    private GenerationResult Generate(GenerationRequest request, IProgress<GenerationProgress> progress, CancellationToken cancellationToken)
    {
        var (alias, modelNotice) = request.Kind is JobKind.ZoomOut or JobKind.Pan
            ? (_settings.InpaintAlias ?? throw GenerationException.Of("failure.no_inpaint_model", retryable: false), (CatalogueText?)null)
            : GenerationPlanner.ModelAlias(request.Request, _settings);
        var model = Model(alias);
        var job = Adapt(GenerationPlanner.Plan(request, model.Profile, _settings.BatchSize), request, model.Profile);
        try
        {
            var output = new DiffusionPipeline(model).Run(job, (percent, preview) => progress.Report(new GenerationProgress(percent, preview)), cancellationToken);
            var pan = request.Kind == JobKind.Pan ? PanCanvas(request) : null;
            var images = output.Images.Select(image => request.Kind switch
            {
                JobKind.ZoomOut => OutpaintCanvas.Restore(image, job.Source!, job.Mask!),
                JobKind.Pan => OutpaintLayout.Restore(image, pan!),
                _ => image,
            });
            return new GenerationResult([.. images.Select(static i => PngEncoder.Encode(i))], GenerationPlanner.Notices(request.Request, output, modelNotice));
        }
        catch (ModelRuntimeException ex)
        {
            throw GenerationException.Of("failure.onnx_run", retryable: true, ("detail", ex.Message));
        }
        catch (InvalidDataException ex)
        {
            // The model folder lacks what this job needs (a VAE encoder for image-to-image): no retry helps.
            throw GenerationException.Of("failure.model_cannot", retryable: false, ("model", alias), ("detail", ex.Message));
        }
    }

    // Derived jobs start from their source image: image-to-image at the source's aspect, or outpainting.
    private DiffusionJob Adapt(DiffusionJob job, GenerationRequest request, ModelProfile profile)
    {
        switch (request.Kind)
        {
            case JobKind.Variation:
            {
                var source = Decode(request.Source);
                var (width, height) = GenerationPlanner.Dimensions(source.Width, source.Height, profile);
                var strength = request.Option switch { "subtle" => 0.35, "strong" => 0.65, _ => _settings.VariationStrength };
                return job with { Width = width, Height = height, Source = Resampler.Lanczos3(source, width, height), Strength = strength };
            }

            case JobKind.Upscale:
            {
                // The host enlarged the image already (its upscaler, or Lanczos): refine it at that size.
                var source = Decode(request.Source);
                var (width, height) = (source.Width / 8 * 8, source.Height / 8 * 8);
                return job with { Width = width, Height = height, Source = width == source.Width && height == source.Height ? source : Resampler.Lanczos3(source, width, height), Strength = 0.3 };
            }

            case JobKind.ZoomOut:
            {
                var source = Decode(request.Source);
                var (width, height) = GenerationPlanner.Dimensions(source.Width, source.Height, profile);
                var (canvas, mask) = OutpaintCanvas.ZoomOut(source, width, height, request.Option ?? "2");
                return job with { Width = width, Height = height, Source = canvas, Mask = mask, Strength = 1 };
            }

            case JobKind.Pan:
            {
                // The model paints the grown canvas at its own size; the result is brought back to the canvas's full
                // size with the original's pixels restored exactly (Generate).
                var full = PanCanvas(request);
                var (width, height) = GenerationPlanner.Dimensions(full.Width, full.Height, profile);
                var (canvas, mask) = OutpaintCanvas.Pan(full, width, height);
                return job with { Width = width, Height = height, Source = canvas, Mask = mask, Strength = 1 };
            }

            case JobKind.Imagine or JobKind.Reroll when ImagePrompts(request) is { Count: > 0 } images:
            {
                // The member's image is the start at the planned size (their --ar); several blend in latent space.
                var starts = images.Select(i => ImageOperations.Cover(Decode(i), job.Width, job.Height)).ToList();
                return job with { Source = starts[0], Blend = starts[1..], Strength = ImagePromptStrength.For(request.Request.Parameters.ImageWeight) };
            }

            default:
                return job;
        }
    }

    private static List<byte[]> ImagePrompts(GenerationRequest request) =>
        [.. request.References.Where(static r => r.Role == ReferenceRole.ImagePrompt).Select(static r => r.Png)];

    private static RgbaImage PanCanvas(GenerationRequest request) =>
        OutpaintCanvas.PanCanvas(Decode(request.Source), request.Option ?? "right");

    private StableDiffusionModel Model(string alias)
    {
        var folder = _settings.FolderOf(alias);
        lock (_modelsLock)
        {
            if (_models.TryGetValue(folder, out var open))
            {
                return open;
            }

            var started = Stopwatch.GetTimestamp();
            StableDiffusionModel model;
            try
            {
                model = StableDiffusionModel.Open(folder, SessionSettings());
            }
            catch (Exception ex) when (ex is ModelRuntimeException or InvalidDataException)
            {
                throw GenerationException.Of("failure.model_unopened", retryable: false, ("model", alias), ("detail", ex.Message));
            }

            _logger.ModelOpened(folder, model.ExecutionProvider, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, SessionFactory.Version);
            if (model.FallbackReason is { } reason && _settings.Provider != ExecutionProviderPreference.Cpu && Interlocked.Exchange(ref _fallbackLogged, 1) == 0)
            {
                _logger.GpuFallback(model.ExecutionProvider, reason);
            }

            _models[folder] = model;
            return model;
        }
    }

    private SessionSettings SessionSettings() => new()
    {
        Provider = _settings.Provider,
        DeviceId = _settings.DeviceId,
        GpuMemoryLimitBytes = _settings.GpuMemoryLimitBytes,
        IntraOpThreads = _settings.IntraOpThreads,
    };

    private static RgbaImage Decode(byte[]? png) =>
        png is not null && PngDecoder.Decode(png) is PngDecodeResult.Success success
            ? success.Image.Pixels
            : throw GenerationException.Of("failure.source_unreadable", retryable: false);
}
