using MjBot.Backends.Onnx.Schedulers;
using MjBot.Core.Prompting;
using MjBot.Imaging;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>One run of the pipeline: the images to make, each with its prompt, seed and guidance.</summary>
internal sealed record DiffusionJob
{
    public required int Width { get; init; }

    public required int Height { get; init; }

    public required int Steps { get; init; }

    public required SamplerKind Sampler { get; init; }

    /// <summary>Gets each image's prompt (weighted segments).</summary>
    public required IReadOnlyList<IReadOnlyList<PromptSegment>> Prompts { get; init; }

    /// <summary>Gets each image's seed.</summary>
    public required IReadOnlyList<long> Seeds { get; init; }

    /// <summary>Gets each image's guidance scale (≤ 1: no guidance batch).</summary>
    public required IReadOnlyList<double> Guidance { get; init; }

    /// <summary>Gets the negative prompt (the unconditional half of the guidance batch).</summary>
    public string Negative { get; init; } = string.Empty;

    /// <summary>Gets the step after which sampling stops (<c>--stop</c>); null runs them all.</summary>
    public int? StopAfter { get; init; }

    /// <summary>Gets the starting image for image-to-image, at Width × Height, or null.</summary>
    public RgbaImage? Source { get; init; }

    /// <summary>Gets further starting images at Width × Height (the other image prompts of a /blend): their latents
    /// are averaged with <see cref="Source"/>'s.</summary>
    public IReadOnlyList<RgbaImage> Blend { get; init; } = [];

    /// <summary>Gets how much of <see cref="Source"/> is redrawn (0–1).</summary>
    public double Strength { get; init; } = 1;

    /// <summary>Gets the part of <see cref="Source"/> to paint (white = new), for an inpainting model; or null.</summary>
    public RgbaImage? Mask { get; init; }

    /// <summary>Gets how many images go through the UNet together (1–4).</summary>
    public int BatchSize { get; init; } = 4;

    public int Count => Seeds.Count;
}
