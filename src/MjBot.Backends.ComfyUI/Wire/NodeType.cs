using System.Text.Json.Nodes;

namespace MjBot.Backends.ComfyUI.Wire;

/// <summary>A node type as a server's <c>/object_info</c> describes it: its inputs and output types.</summary>
internal sealed record NodeType(string Name, IReadOnlyDictionary<string, NodeInput> Inputs, IReadOnlyList<string> Outputs)
{
    public static NodeType Read(string name, JsonObject info)
    {
        var inputs = new Dictionary<string, NodeInput>(StringComparer.Ordinal);
        foreach (var (group, required) in new[] { ("required", true), ("optional", false) })
        {
            if (info["input"]?[group] is JsonObject declared)
            {
                foreach (var (input, spec) in declared)
                {
                    inputs[input] = NodeInput.Read(input, spec, required);
                }
            }
        }

        var outputs = info["output"] is JsonArray list ? list.Select(static o => o?.GetValue<string>() ?? "*").ToList() : [];
        return new NodeType(name, inputs, outputs);
    }
}
