using System.Text.Json;
using System.Text.Json.Nodes;

namespace MjBot.Backends.ComfyUI.Workflows;

/// <summary>The workflows in <c>Backends:ComfyUI:WorkflowFolder</c>, read once at start: each <c>name.json</c> (API
/// format) beside its <c>name.mapping.json</c>. What cannot be read is a problem naming the file; what a server
/// cannot run is found by <see cref="WorkflowValidator"/> against that server's node catalogue.</summary>
internal sealed class WorkflowSet
{
    private readonly Dictionary<string, Workflow> _byName;

    private WorkflowSet(Dictionary<string, Workflow> byName, IReadOnlyList<string> problems)
    {
        _byName = byName;
        Problems = problems;
    }

    public static WorkflowSet Empty { get; } = new([], []);

    public IReadOnlyList<string> Problems { get; }

    public IReadOnlyCollection<Workflow> All => _byName.Values;

    public Workflow? Find(string name) => _byName.GetValueOrDefault(name);

    public static WorkflowSet Load(string? folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return Empty;
        }

        if (!Directory.Exists(folder))
        {
            return new([], [$"Backends:ComfyUI:WorkflowFolder \"{folder}\" does not exist."]);
        }

        var found = new Dictionary<string, Workflow>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Where(static f => !f.EndsWith(".mapping.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var mappingFile = Path.Combine(folder, name + ".mapping.json");
            if (!File.Exists(mappingFile))
            {
                problems.Add($"workflow \"{name}\": {Path.GetFileName(mappingFile)} is missing (it says which inputs take the prompt, seed and size).");
                continue;
            }

            try
            {
                var graph = JsonNode.Parse(File.ReadAllText(file)) as JsonObject
                    ?? throw new JsonException("the file is not a JSON object of nodes.");
                var mapping = JsonSerializer.Deserialize(File.ReadAllText(mappingFile), WorkflowJsonContext.Default.WorkflowMapping)
                    ?? throw new JsonException("the mapping file is empty.");
                var workflow = new Workflow(name, graph, mapping);
                var shape = WorkflowValidator.ShapeProblems(workflow);
                if (shape.Count > 0)
                {
                    problems.AddRange(shape);
                    continue;
                }

                found[name] = workflow;
            }
            catch (JsonException ex)
            {
                problems.Add($"workflow \"{name}\": {ex.Message}");
            }
            catch (IOException ex)
            {
                problems.Add($"workflow \"{name}\": {ex.Message}");
            }
        }

        return new(found, problems);
    }
}
