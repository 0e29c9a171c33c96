using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;

namespace MjBot.Backends.ComfyUI.Wire;

/// <summary>Reads ComfyUI's binary frames (server.py <c>encode_bytes</c>): a 4-byte big-endian event type, then for
/// 1 (PREVIEW_IMAGE) a 4-byte image type (1 JPEG, 2 PNG) and the image; for 4 (PREVIEW_IMAGE_WITH_METADATA) a
/// 4-byte JSON length, the JSON (with the prompt id) and the image; 3 is text. Never parsed as JSON text.</summary>
internal static class BinaryFrame
{
    public const int PreviewImage = 1;
    public const int Text = 3;
    public const int PreviewWithMetadata = 4;

    /// <summary>Reads a frame; a preview of another prompt (metadata naming it) or a malformed frame is
    /// <see cref="SocketMessage.Other"/>.</summary>
    public static SocketMessage Read(ReadOnlySpan<byte> frame, string promptId)
    {
        if (frame.Length < 8)
        {
            return new SocketMessage.Other();
        }

        var type = BinaryPrimitives.ReadInt32BigEndian(frame);
        switch (type)
        {
            case PreviewImage:
                return new SocketMessage.Preview(frame[8..].ToArray());
            case PreviewWithMetadata:
                var length = BinaryPrimitives.ReadInt32BigEndian(frame[4..]);
                if (length < 0 || 8 + length > frame.Length)
                {
                    return new SocketMessage.Other();
                }

                JsonNode? metadata;
                try
                {
                    metadata = JsonNode.Parse(Encoding.UTF8.GetString(frame.Slice(8, length)));
                }
                catch (System.Text.Json.JsonException)
                {
                    return new SocketMessage.Other();
                }

                var owner = metadata?["prompt_id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;
                return owner is null || owner == promptId ? new SocketMessage.Preview(frame[(8 + length)..].ToArray()) : new SocketMessage.Other();
            default:
                return new SocketMessage.Other();
        }
    }
}
