using System.Text.Json.Nodes;

namespace MjBot.Backends.ComfyUI.Wire;

/// <summary>A frame from ComfyUI's WebSocket: a JSON event (<c>{"type", "data"}</c>) or a binary preview.</summary>
internal abstract record SocketMessage
{
    private SocketMessage()
    {
    }

    /// <summary>A JSON event.</summary>
    public sealed record Event(string Type, JsonObject Data) : SocketMessage
    {
        public string? PromptId => Data["prompt_id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;
    }

    /// <summary>A preview image (JPEG or PNG bytes) from a binary frame.</summary>
    public sealed record Preview(byte[] Image) : SocketMessage;

    /// <summary>A binary frame of another kind (progress text), read past.</summary>
    public sealed record Other : SocketMessage;
}
