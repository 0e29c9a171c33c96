using System.Text.Json.Nodes;

namespace MjBot.Backends.ComfyUI.Wire;

/// <summary>A 400 from <c>POST /prompt</c>: the top-level error, and the first node error (its node, type, and
/// ComfyUI's details), read by shape rather than exact strings (they changed after v0.8.0).</summary>
internal sealed record PromptRejection(string Message, string? NodeId, string? NodeType, string? Detail)
{
    /// <summary>Gets whether the server queued the outputs it did accept (a 200 with <c>node_errors</c>): that part
    /// runs unless it is cancelled.</summary>
    public bool Queued { get; init; }

    public static PromptRejection Read(JsonNode? body)
    {
        var error = body?["error"];
        var message = Text(error?["message"]) ?? Text(error) ?? "the prompt was refused";
        var details = Text(error?["details"]);
        if (body?["node_errors"] is JsonObject nodes)
        {
            foreach (var (id, node) in nodes)
            {
                var first = (node?["errors"] as JsonArray)?.FirstOrDefault();
                var detail = string.Join(": ", new[] { Text(first?["message"]), Text(first?["details"]) }.Where(static s => !string.IsNullOrEmpty(s)));
                return new PromptRejection(message, id, Text(node?["class_type"]), detail.Length > 0 ? detail : details);
            }
        }

        return new PromptRejection(message, null, null, details);
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
}
