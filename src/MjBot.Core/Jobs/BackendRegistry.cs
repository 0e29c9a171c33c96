using MjBot.Core.Ports;

namespace MjBot.Core.Jobs;

/// <summary>The image backends this build has, by name.</summary>
public sealed class BackendRegistry(IEnumerable<IImageBackend> backends)
{
    private readonly Dictionary<string, IImageBackend> _byName = backends.ToDictionary(static b => b.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<IImageBackend> All => _byName.Values;

    public IImageBackend? Find(string name) => _byName.GetValueOrDefault(name);
}
