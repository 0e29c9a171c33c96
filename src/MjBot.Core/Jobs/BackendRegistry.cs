using MjBot.Core.Generation;
using MjBot.Core.Ports;

namespace MjBot.Core.Jobs;

/// <summary>The image backends this build has, by name, and the upscaler the host runs on their images.</summary>
public sealed class BackendRegistry(IEnumerable<IImageBackend> backends, IEnumerable<IImageUpscaler> upscalers)
{
    private readonly Dictionary<string, IImageBackend> _byName = backends.ToDictionary(static b => b.Name, StringComparer.Ordinal);
    private readonly bool _upscaler = upscalers.Any();

    public IReadOnlyCollection<IImageBackend> All => _byName.Values;

    public IImageBackend? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Gets what a job made by <paramref name="name"/> offers members: the backend's capabilities, and
    /// Upscale (Creative) on every backend when an upscaler is configured (the upscaler alone where the backend cannot
    /// refine).</summary>
    public BackendCapabilities Offered(string name) =>
        (Find(name)?.Capabilities ?? BackendCapabilities.None) | (_upscaler ? BackendCapabilities.Upscale : BackendCapabilities.None);
}
