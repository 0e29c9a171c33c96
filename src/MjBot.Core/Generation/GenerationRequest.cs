using MjBot.Core.Jobs;
using MjBot.Core.Prompting;

namespace MjBot.Core.Generation;

/// <summary>What a backend is asked to make.</summary>
/// <param name="Kind">Imagine, reroll, variation, upscale, zoom out or pan.</param>
/// <param name="Request">The parsed prompt.</param>
/// <param name="Seed">The seed of the first image.</param>
/// <param name="Source">The image to vary, upscale or extend (PNG), for derived jobs.</param>
/// <param name="Option">The action's option (see <see cref="Job.Option"/>).</param>
public sealed record GenerationRequest(JobKind Kind, ImagineRequest Request, long Seed, byte[]? Source, string? Option)
{
    /// <summary>Gets the detailed captions prompt magic wrote, one per image, or none.</summary>
    public IReadOnlyList<string> Captions { get; init; } = [];
}
