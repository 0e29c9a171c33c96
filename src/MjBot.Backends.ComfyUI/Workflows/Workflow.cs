using System.Text.Json.Nodes;
using MjBot.Backends.ComfyUI.Graphs;

namespace MjBot.Backends.ComfyUI.Workflows;

/// <summary>A self-hoster's workflow in ComfyUI's API format ("Export (API)") with its mapping: a model alias whose
/// graph is theirs, with MjBot's values put into the mapped inputs.</summary>
internal sealed record Workflow(string Name, JsonObject Graph, WorkflowMapping Mapping)
{
    /// <summary>Gets the graph with the plan's values set (the prompt, seed, size, steps, guidance, four images and the
    /// uploaded image where mapped; steps and guidance only when the member gave them).</summary>
    public BuiltGraph Fill(GraphPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var graph = (JsonObject)Graph.DeepClone();
        var lane = plan.Lanes[0];
        Set(graph, Mapping.Prompt, plan.Positive);
        Set(graph, Mapping.Negative, plan.Negative);
        Set(graph, Mapping.Seed, lane.Seed);
        Set(graph, Mapping.Width, plan.Width);
        Set(graph, Mapping.Height, plan.Height);
        Set(graph, Mapping.BatchSize, lane.Batch);
        if (plan.Steps > 0)
        {
            Set(graph, Mapping.Steps, plan.Steps);
        }

        if (lane.Cfg > 0)
        {
            Set(graph, Mapping.Cfg, lane.Cfg);
        }

        if (plan.SourceImage is { } image)
        {
            Set(graph, Mapping.Image, image);
            Set(graph, Mapping.Denoise, plan.Denoise);
        }

        // Each job's files apart: every SaveImage gets the job's prefix.
        var outputs = Outputs(graph);
        for (var i = 0; i < outputs.Count; i++)
        {
            if (graph[outputs[i]]?["inputs"] is JsonObject inputs && inputs.ContainsKey("filename_prefix"))
            {
                inputs["filename_prefix"] = $"{plan.FilenamePrefix}_{i + 1}";
            }
        }

        return new BuiltGraph(graph, outputs, [.. graph.Where(static n => n.Value?["class_type"]?.GetValue<string>() is "KSampler" or "KSamplerAdvanced").Select(static n => n.Key)]);
    }

    /// <summary>Gets the output nodes: the mapped one, or every SaveImage in id order.</summary>
    public IReadOnlyList<string> Outputs(JsonObject graph) => Mapping.Output is { } output
        ? [output]
        : [.. graph.Where(static n => n.Value?["class_type"]?.GetValue<string>() == "SaveImage").Select(static n => n.Key).OrderBy(static id => int.TryParse(id, out var n) ? n : int.MaxValue).ThenBy(static id => id, StringComparer.Ordinal)];

    private static void Set(JsonObject graph, string? target, JsonNode value)
    {
        if (target is null)
        {
            return;
        }

        var (node, input) = Split(target);
        graph[node]!["inputs"]![input] = value;
    }

    /// <summary>Splits <c>"node.input"</c>.</summary>
    public static (string Node, string Input) Split(string target)
    {
        var dot = target.IndexOf('.', StringComparison.Ordinal);
        return dot <= 0 || dot == target.Length - 1 ? (target, string.Empty) : (target[..dot], target[(dot + 1)..]);
    }
}
