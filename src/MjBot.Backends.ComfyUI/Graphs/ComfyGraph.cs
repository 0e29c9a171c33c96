using System.Globalization;
using System.Text.Json.Nodes;

namespace MjBot.Backends.ComfyUI.Graphs;

/// <summary>A prompt in ComfyUI's API format, built node by node: an object keyed by node id, each node its
/// <c>class_type</c> and <c>inputs</c>, an input a literal or a link <c>[node id, output index]</c>.</summary>
internal sealed class ComfyGraph
{
    private readonly JsonObject _nodes = [];
    private int _next;

    /// <summary>Adds a node; returns its id.</summary>
    public string Add(string classType, params (string Name, JsonNode? Value)[] inputs)
    {
        var id = (++_next).ToString(CultureInfo.InvariantCulture);
        var values = new JsonObject();
        foreach (var (name, value) in inputs)
        {
            values[name] = value;
        }

        _nodes[id] = new JsonObject { ["class_type"] = classType, ["inputs"] = values };
        return id;
    }

    /// <summary>A link to output <paramref name="output"/> of node <paramref name="node"/>.</summary>
    public static JsonArray Link(string node, int output = 0) => [node, output];

    /// <summary>Gets the graph as JSON (a copy: the graph can be built on).</summary>
    public JsonObject ToJson() => (JsonObject)_nodes.DeepClone();
}
