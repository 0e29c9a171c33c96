using System.Text.Json.Nodes;
using MjBot.Backends.ComfyUI.Wire;

namespace MjBot.Backends.ComfyUI.Workflows;

/// <summary>Checks a workflow before any member's job meets it: its shape when it is read (every node a
/// <c>class_type</c> and <c>inputs</c>, every mapped input on a node of the graph), and against each server's node
/// catalogue (every node type installed there, every required input given, every mapped input one the node type has,
/// every literal choice among the server's options). Each problem names the workflow, the node and the input.</summary>
internal static class WorkflowValidator
{
    public static List<string> ShapeProblems(Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var problems = new List<string>();
        var name = workflow.Name;
        if (Graphs.ModelFamily.Named(workflow.Mapping.Family) is null)
        {
            problems.Add($"workflow \"{name}\": family \"{workflow.Mapping.Family}\" is not sd15, sdxl or flux.");
        }

        foreach (var (id, node) in workflow.Graph)
        {
            if (node is not JsonObject n || n["class_type"] is not JsonValue type || !type.TryGetValue<string>(out _) || n["inputs"] is not JsonObject)
            {
                problems.Add($"workflow \"{name}\": node {id} has no class_type and inputs (is the file in the API format? use \"Export (API)\").");
            }
        }

        if (workflow.Mapping.Prompt is null)
        {
            problems.Add($"workflow \"{name}\": the mapping has no \"prompt\" (the node input that takes the member's prompt, e.g. \"6.text\").");
        }

        foreach (var (key, target) in workflow.Mapping.Targets())
        {
            var (node, input) = Workflow.Split(target);
            if (input.Length == 0)
            {
                problems.Add($"workflow \"{name}\": mapping \"{key}\" is \"{target}\", not \"node id.input name\".");
            }
            else if (workflow.Graph[node] is not JsonObject)
            {
                problems.Add($"workflow \"{name}\": mapping \"{key}\" names node {node}, which the workflow does not have.");
            }
        }

        if (problems.Count == 0 && workflow.Outputs(workflow.Graph) is var outputs && (outputs.Count == 0 || outputs.Any(o => workflow.Graph[o] is null)))
        {
            problems.Add($"workflow \"{name}\": no output node (a SaveImage, or the mapping's \"output\").");
        }

        return problems;
    }

    public static List<string> CatalogueProblems(Workflow workflow, NodeCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(catalogue);
        var problems = new List<string>();
        var name = workflow.Name;
        foreach (var (id, node) in workflow.Graph)
        {
            var classType = node?["class_type"]?.GetValue<string>() ?? string.Empty;
            if (catalogue.Find(classType) is not { } type)
            {
                problems.Add($"workflow \"{name}\": node {id} is a {classType}, which this server does not have (a custom node not installed?).");
                continue;
            }

            var inputs = node!["inputs"] as JsonObject ?? [];
            foreach (var input in type.Inputs.Values.Where(static i => i.Required))
            {
                if (!inputs.ContainsKey(input.Name) && !Mapped(workflow, id, input.Name))
                {
                    problems.Add($"workflow \"{name}\": node {id} ({classType}) lacks its required input \"{input.Name}\".");
                }
            }

            foreach (var (inputName, value) in inputs)
            {
                if (type.Inputs.GetValueOrDefault(inputName) is { Options: { Count: > 0 } options } && value is JsonValue literal
                    && literal.TryGetValue<string>(out var chosen) && !Mapped(workflow, id, inputName) && !options.Contains(chosen))
                {
                    problems.Add($"workflow \"{name}\": node {id} ({classType}) input \"{inputName}\" is \"{chosen}\", which this server does not offer.");
                }
            }
        }

        foreach (var (key, target) in workflow.Mapping.Targets())
        {
            var (node, input) = Workflow.Split(target);
            var classType = workflow.Graph[node]?["class_type"]?.GetValue<string>();
            if (classType is not null && catalogue.Find(classType) is { } type && !type.Inputs.ContainsKey(input))
            {
                problems.Add($"workflow \"{name}\": mapping \"{key}\" names input \"{input}\" of node {node} ({classType}), which that node type does not have.");
            }
        }

        return problems;
    }

    private static bool Mapped(Workflow workflow, string node, string input) =>
        workflow.Mapping.Targets().Any(t => t.Target == node + "." + input);
}
