using System.Text.Json.Nodes;

namespace MjBot.Testing.ComfyUI;

/// <summary>The stand-in's node catalogue: ComfyUI v0.8.0's own node definitions (tests/data/comfyui/object_info.json,
/// extracted from nodes.py and comfy_extras; see its SOURCE.md), with the <c>@folder:</c> option lists filled from this
/// server's files, as the real server fills them from its folders.</summary>
public static class StandInCatalogue
{
    private static readonly Lazy<string> Raw = new(() => File.ReadAllText(RepositoryPaths.InTestData("comfyui", "object_info.json")));

    /// <summary>Gets <c>/object_info</c> for a server with these files (folder → names) and input images.</summary>
    public static JsonObject For(IReadOnlyDictionary<string, IReadOnlyList<string>> files, IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(files);
        var catalogue = (JsonObject)JsonNode.Parse(Raw.Value)!;
        var inputList = inputs.Order(StringComparer.Ordinal).ToList();
        foreach (var (_, node) in catalogue)
        {
            foreach (var group in new[] { "required", "optional" })
            {
                if (node?["input"]?[group] is not JsonObject declared)
                {
                    continue;
                }

                foreach (var (_, spec) in declared)
                {
                    var options = spec is JsonArray { Count: > 0 } parts
                        ? parts[0] as JsonArray ?? (parts.Count > 1 ? parts[1]?["options"] as JsonArray : null)
                        : null;
                    if (options is [JsonValue placeholder] && placeholder.TryGetValue<string>(out var text) && text.StartsWith("@folder:", StringComparison.Ordinal))
                    {
                        var folder = text["@folder:".Length..];
                        var names = folder == "input" ? inputList : files.GetValueOrDefault(folder) ?? [];
                        options.Clear();
                        foreach (var name in names)
                        {
                            options.Add(name);
                        }

                        if (folder == "vae")
                        {
                            options.Add("pixel_space");
                        }
                    }
                }
            }
        }

        return catalogue;
    }
}
