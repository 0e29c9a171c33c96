using System.Text.Json;
using MjBot.Discord.Models;

namespace MjBot.Discord.Gateway;

/// <summary>Turns whole WebSocket messages into gateway payloads: text frames are JSON; binary frames are zlib-stream
/// pieces, inflated with the connection's one inflater until a flush completes a payload. One per connection.</summary>
internal sealed class GatewayFrameDecoder(bool compressed) : IDisposable
{
    private readonly ZlibStreamInflater? _inflater = compressed ? new ZlibStreamInflater() : null;

    /// <summary>Decodes one message; null when a binary piece did not complete a payload yet.</summary>
    /// <exception cref="InvalidDataException">A corrupt stream, or a binary frame without compression.</exception>
    /// <exception cref="JsonException">A frame that is not a gateway payload.</exception>
    public GatewayPayload? Decode(ReadOnlySpan<byte> message, bool binary)
    {
        if (!binary)
        {
            return JsonSerializer.Deserialize(message, DiscordJsonContext.Default.GatewayPayload);
        }

        var inflater = _inflater ?? throw new InvalidDataException("A binary frame arrived without transport compression.");
        return inflater.TryPush(message, out var json) ? JsonSerializer.Deserialize(json, DiscordJsonContext.Default.GatewayPayload) : null;
    }

    public void Dispose() => _inflater?.Dispose();
}
