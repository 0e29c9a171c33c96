using System.Text.Json.Nodes;

namespace MjBot.Backends.ComfyUI.Wire;

/// <summary>One input of a node type in <c>/object_info</c>: its type, and for a combo its options. Both shapes are
/// read: a classic node's <c>[[options…], {meta}]</c> and a V3 node's <c>["COMBO", {"options": […]}]</c>; an input with
/// no metadata is a one-element array.</summary>
internal sealed record NodeInput(string Name, string Type, IReadOnlyList<string>? Options, bool Required)
{
    public static NodeInput Read(string name, JsonNode? spec, bool required)
    {
        if (spec is not JsonArray { Count: > 0 } parts)
        {
            return new NodeInput(name, "*", null, required);
        }

        var meta = parts.Count > 1 ? parts[1] as JsonObject : null;
        return parts[0] switch
        {
            JsonArray options => new NodeInput(name, "COMBO", Strings(options), required),
            JsonValue value when value.TryGetValue<string>(out var type) && type == "COMBO" =>
                new NodeInput(name, "COMBO", meta?["options"] is JsonArray listed ? Strings(listed) : [], required),
            JsonValue value when value.TryGetValue<string>(out var type) => new NodeInput(name, type, null, required),
            _ => new NodeInput(name, "*", null, required),
        };
    }

    private static List<string> Strings(JsonArray values) =>
        [.. values.Select(static v => v is JsonValue j && j.TryGetValue<string>(out var s) ? s : v?.ToJsonString() ?? "null")];
}
