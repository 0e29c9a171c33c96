using MjBot.Core.Generation;
using MjBot.Core.Localization;
using MjBot.Core.Ports;
using MjBot.Imaging;

namespace MjBot.Jobs;

/// <summary>Upscale (Subtle) and (Creative) on every backend, done by the host: the configured super-resolution model
/// enlarges the chosen image 2× (without one, a Lanczos-3 resize, labelled so); Creative then has the job's backend
/// refine the enlarged image at low strength with the job's prompt when it can (Stable Diffusion's image-to-image),
/// and otherwise is the enlargement alone, which the result says. A backend with its own upscale model (ComfyUI's)
/// does both itself.</summary>
internal sealed class Upscales(IEnumerable<IImageUpscaler> upscalers)
{
    /// <summary>The longest side an image may have to be upscaled: its result is at most 4096 pixels a side, and a 4×
    /// model's work before it is brought down to 2× stays near a gigabyte.</summary>
    public const int MaxSourceSide = 2048;

    private readonly IImageUpscaler? _model = upscalers.FirstOrDefault();

    /// <summary>Gets whether a super-resolution model is configured (without one the upscales are Lanczos).</summary>
    public bool HasModel => _model is not null;

    public async Task<GenerationResult> RunAsync(GenerationRequest request, IImageBackend backend, IProgress<GenerationProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(backend);
        var source = request.Source ?? throw GenerationException.Of("failure.source_gone", retryable: false);
        if (ImageFormats.PngSize(source) is { } size && Math.Max(size.Width, size.Height) > MaxSourceSide)
        {
            throw GenerationException.Of("failure.upscale_too_large", retryable: false, ("max", MaxSourceSide), ("width", size.Width), ("height", size.Height));
        }

        if (backend.Capabilities.HasFlag(BackendCapabilities.UpscalesItself))
        {
            return await backend.GenerateAsync(request, progress, cancellationToken);
        }

        List<CatalogueText> notices = [];
        byte[] enlarged;
        if (_model is null)
        {
            enlarged = Lanczos(source);
        }
        else
        {
            enlarged = await _model.UpscaleTwiceAsync(source, cancellationToken);
            notices.Add(CatalogueText.Of("notice.upscaled_with", ("model", _model.Name)));
        }

        if (request.Option != "creative")
        {
            return new GenerationResult([enlarged], notices);
        }

        if (!backend.Capabilities.HasFlag(BackendCapabilities.Upscale))
        {
            notices.Add(CatalogueText.Of("notice.upscale_not_refined"));
            return new GenerationResult([enlarged], notices);
        }

        var refined = await backend.GenerateAsync(request with { Source = enlarged }, progress, cancellationToken);
        return refined with { Notices = [.. notices, .. refined.Notices] };
    }

    private static byte[] Lanczos(byte[] png)
    {
        try
        {
            return ImageOperations.UpscaleTwicePng(png);
        }
        catch (InvalidDataException)
        {
            throw GenerationException.Of("failure.source_unreadable", retryable: false);
        }
    }
}
