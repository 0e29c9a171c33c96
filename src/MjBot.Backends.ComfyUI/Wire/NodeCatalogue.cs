using System.Text.Json.Nodes;

namespace MjBot.Backends.ComfyUI.Wire;

/// <summary>A server's node types (<c>GET /object_info</c>), by class name.</summary>
internal sealed class NodeCatalogue(IReadOnlyDictionary<string, NodeType> types)
{
    public static NodeCatalogue Read(JsonObject objectInfo)
    {
        ArgumentNullException.ThrowIfNull(objectInfo);
        var types = new Dictionary<string, NodeType>(StringComparer.Ordinal);
        foreach (var (name, info) in objectInfo)
        {
            if (info is JsonObject described)
            {
                types[name] = NodeType.Read(name, described);
            }
        }

        return new NodeCatalogue(types);
    }

    public int Count => types.Count;

    public NodeType? Find(string classType) => types.GetValueOrDefault(classType);

    /// <summary>Gets a combo input's options (sampler and scheduler names, file lists), or null.</summary>
    public IReadOnlyList<string>? Options(string classType, string input) => Find(classType)?.Inputs.GetValueOrDefault(input)?.Options;
}
