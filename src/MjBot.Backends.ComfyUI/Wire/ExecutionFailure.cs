using System.Text.Json.Nodes;

namespace MjBot.Backends.ComfyUI.Wire;

/// <summary>Why a prompt stopped: <c>execution_error</c> (the node's type and ComfyUI's message; never the traceback)
/// or <c>execution_interrupted</c>.</summary>
internal sealed record ExecutionFailure(bool Interrupted, string NodeId, string NodeType, string Message, string ExceptionType)
{
    public static ExecutionFailure Read(string type, JsonObject data) => new(
        type == "execution_interrupted",
        Text(data["node_id"]),
        Text(data["node_type"]),
        Text(data["exception_message"]).Trim(),
        Text(data["exception_type"]));

    /// <summary>Gets whether the GPU ran out of memory (ComfyUI appends its tip, and unloads every model: a retry can
    /// work).</summary>
    public bool OutOfMemory => ExceptionType.Contains("OutOfMemory", StringComparison.Ordinal) || Message.Contains("out of memory", StringComparison.OrdinalIgnoreCase);

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;
}
