using MjBot.Core.Generation;

namespace MjBot.Core.Ports;

/// <summary>A way to make images (DALL-E, Stable Diffusion on ONNX Runtime …).</summary>
public interface IImageBackend
{
    /// <summary>Gets the backend's name, as configured and stored on jobs.</summary>
    string Name { get; }

    /// <summary>Gets how many jobs it runs at once.</summary>
    int Concurrency { get; }

    BackendCapabilities Capabilities { get; }

    /// <summary>What it can do for a prompt that names <paramref name="model"/> (<c>--model</c>): a backend whose models
    /// differ says so; others answer <see cref="Capabilities"/>.</summary>
    BackendCapabilities CapabilitiesFor(string? model) => Capabilities;

    /// <summary>Makes the images: four for grids and variations, one for an upscale, four for zoom and pan.</summary>
    /// <returns>PNG images, with notices for the member.</returns>
    /// <exception cref="GenerationException">It could not.</exception>
    Task<GenerationResult> GenerateAsync(GenerationRequest request, IProgress<GenerationProgress> progress, CancellationToken cancellationToken);
}
