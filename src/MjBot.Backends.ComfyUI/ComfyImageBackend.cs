using MjBot.Backends.ComfyUI.Graphs;
using MjBot.Backends.ComfyUI.Pool;
using MjBot.Core.Generation;
using MjBot.Core.Ports;

namespace MjBot.Backends.ComfyUI;

/// <summary>ComfyUI servers as an image backend (<c>comfyui</c>): grids, variations, upscales, zoom and pan, each a
/// graph MjBot builds (or the self-hoster's workflow) run on the pool. As many jobs run at once as there are servers
/// (each ComfyUI runs one prompt at a time).</summary>
internal sealed class ComfyImageBackend(ComfyUIOptions options, Workflows.WorkflowSet workflows, ServerPool pool, JobPlanner planner, PromptRunner runner) : IImageBackend, IModelCatalog, ILoraCatalog
{
    public const string BackendName = "comfyui";

    public string Name => BackendName;

    public int Concurrency => Math.Max(1, pool.Servers.Count);

    public BackendCapabilities Capabilities { get; } =
        BackendCapabilities.Variations | BackendCapabilities.SubtleVariations | BackendCapabilities.Upscale | BackendCapabilities.Outpaint
        | BackendCapabilities.Previews | BackendCapabilities.EnglishOnly | BackendCapabilities.Unfiltered | BackendCapabilities.ImagePrompts
        | (planner.UpscalesItself ? BackendCapabilities.UpscalesItself : BackendCapabilities.None);

    /// <summary>A self-hoster's workflow takes no image prompts (its graph is its own); MjBot's graphs do.</summary>
    public BackendCapabilities CapabilitiesFor(string? model) =>
        workflows.Find(model ?? options.DefaultModel) is null ? Capabilities : Capabilities & ~BackendCapabilities.ImagePrompts;

    /// <summary>Gets the configured aliases and the workflows (each its file's name).</summary>
    public IReadOnlySet<string> ModelAliases { get; } =
        new SortedSet<string>(options.Models.Keys.Concat(workflows.All.Select(static w => w.Name)), StringComparer.Ordinal) { options.DefaultModel };

    public IReadOnlySet<string>? LoraNames => pool.LoraNames;

    public Task<GenerationResult> GenerateAsync(GenerationRequest request, IProgress<GenerationProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        return runner.RunAsync(request, progress, cancellationToken);
    }
}
