using System.Text.Json.Nodes;

namespace MjBot.Backends.ComfyUI.Wire;

/// <summary>A finished prompt in <c>/history/{prompt_id}</c>: whether it succeeded, each output node's images, and (when
/// it failed) the error message its status recorded.</summary>
internal sealed record HistoryEntry(bool Succeeded, IReadOnlyDictionary<string, IReadOnlyList<ImageRef>> Outputs, ExecutionFailure? Failure)
{
    public static HistoryEntry Read(JsonObject entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var status = entry["status"] as JsonObject;
        var succeeded = status?["status_str"]?.GetValue<string>() == "success" && status["completed"]?.GetValue<bool>() == true;
        var outputs = new Dictionary<string, IReadOnlyList<ImageRef>>(StringComparer.Ordinal);
        if (entry["outputs"] is JsonObject nodes)
        {
            foreach (var (node, output) in nodes)
            {
                outputs[node] = Images(output?["images"] as JsonArray);
            }
        }

        ExecutionFailure? failure = null;
        if (!succeeded && status?["messages"] is JsonArray messages)
        {
            foreach (var message in messages.OfType<JsonArray>())
            {
                if (message.Count == 2 && message[0]?.GetValue<string>() is "execution_error" or "execution_interrupted" && message[1] is JsonObject data)
                {
                    failure = ExecutionFailure.Read(message[0]!.GetValue<string>(), data);
                }
            }
        }

        return new HistoryEntry(succeeded, outputs, failure);
    }

    public static IReadOnlyList<ImageRef> Images(JsonArray? images) =>
        images is null
            ? []
            : [.. images.OfType<JsonObject>().Select(static i => new ImageRef(
                i["filename"]?.GetValue<string>() ?? string.Empty,
                i["subfolder"]?.GetValue<string>() ?? string.Empty,
                i["type"]?.GetValue<string>() ?? "output"))];
}
