using MjBot.Core.Jobs;
using MjBot.Core.Moderation;
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

    /// <summary>Gets the server's metaprompt, put before the prompt by backends that follow instructions (OpenAI's
    /// image models), or null outside a server.</summary>
    public string? Metaprompt { get; init; }

    /// <summary>Gets the terms the server blocks, added to the negative prompt by backends that have one (Stable
    /// Diffusion).</summary>
    public IReadOnlyList<string> SafetyNegatives { get; init; } = [];

    /// <summary>Gets the member's reference images, downloaded for backends with
    /// <see cref="BackendCapabilities.References"/> (at most <see cref="MaxReferences"/>), in the prompt's order.</summary>
    public IReadOnlyList<ReferenceImage> References { get; init; } = [];

    /// <summary>Gets the job's id, for engines that keep the work outside this process: a ComfyUI prompt is named after
    /// it, so after a restart the job finds its prompt again instead of running twice.</summary>
    public string? JobId { get; init; }

    /// <summary>Gets the token the member's Cancel trips (the token a backend is given also trips when the bot
    /// stops): an engine that keeps work outside this process stops that work only for this one, so a restart finds
    /// it again.</summary>
    public CancellationToken MemberCancelled { get; init; }

    /// <summary>Gets how strictly the provider's own moderation reads this server's prompts (OpenAI's GPT image
    /// models: auto or low), as the server's moderators chose.</summary>
    public ProviderModeration ProviderModeration { get; init; }

    /// <summary>The most reference images one request carries (the GPT image models' edits take 16).</summary>
    public const int MaxReferences = 16;
}
