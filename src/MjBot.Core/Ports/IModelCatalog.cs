namespace MjBot.Core.Ports;

/// <summary>A backend whose <c>--model</c> aliases are a known set (a local model folder, a server's checkpoints): a
/// prompt naming another alias is refused when it is given, naming the ones there are.</summary>
public interface IModelCatalog
{
    /// <summary>Gets the aliases <c>--model</c> may name on this backend now.</summary>
    IReadOnlySet<string> ModelAliases { get; }
}
