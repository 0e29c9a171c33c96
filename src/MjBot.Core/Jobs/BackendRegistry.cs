using MjBot.Core.Generation;
using MjBot.Core.Ports;
using MjBot.Core.Prompting;

namespace MjBot.Core.Jobs;

/// <summary>The image backends this build has, by name, and the upscaler the host runs on their images.</summary>
public sealed class BackendRegistry(IEnumerable<IImageBackend> backends, IEnumerable<IImageUpscaler> upscalers)
{
    private readonly Dictionary<string, IImageBackend> _byName = backends.ToDictionary(static b => b.Name, StringComparer.Ordinal);
    private readonly bool _upscaler = upscalers.Any();

    public IReadOnlyCollection<IImageBackend> All => _byName.Values;

    public IImageBackend? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Gets what <paramref name="job"/> offers members: the backend's capabilities, and
    /// Upscale (Creative) on every backend when an upscaler is configured (the upscaler alone where the backend cannot
    /// refine).</summary>
    public BackendCapabilities Offered(Job job) =>
        (Find(job.Backend)?.CapabilitiesFor(ModelOf(job)) ?? BackendCapabilities.None) | (_upscaler ? BackendCapabilities.Upscale : BackendCapabilities.None);

    // The --model its prompt names (the grid's, for the jobs made from it), if any.
    private static string? ModelOf(Job job) =>
        PromptParser.Parse(job.Prompt) is PromptParseResult.Success { Jobs: [var first, ..] } ? first.Parameters.Model : null;
}
