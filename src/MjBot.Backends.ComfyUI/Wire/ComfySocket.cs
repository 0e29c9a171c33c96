using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MjBot.Backends.ComfyUI.Wire;

/// <summary>ComfyUI's WebSocket for one client id (<c>/ws?clientId=</c>): every prompt event for that client comes
/// here. Connected before the prompt is queued so nothing is missed; reconnecting with the same id replaces the old
/// socket, and the server then says which node of ours is running.</summary>
internal sealed class ComfySocket : IAsyncDisposable
{
    private const int MaxFrame = 64 * 1024 * 1024;
    private readonly ClientWebSocket _socket;
    private readonly string _promptId;

    private ComfySocket(ClientWebSocket socket, string promptId)
    {
        _socket = socket;
        _promptId = promptId;
    }

    /// <summary>Gets how long the opening handshake may take before the server counts as gone.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    public static async Task<ComfySocket> ConnectAsync(ComfyClient client, string clientId, string promptId, TimeProvider time, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        if (client.Server.HeaderName is { Length: > 0 } header)
        {
            socket.Options.SetRequestHeader(header, client.Server.HeaderValue);
        }

        using var bounded = new CancellationTokenSource(ConnectTimeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bounded.Token);
        try
        {
            await socket.ConnectAsync(client.SocketUri(clientId), either.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException)
        {
            socket.Dispose();
            throw new ServerUnavailableException("its WebSocket did not open: " + ex.Message, ex);
        }
        catch (OperationCanceledException ex)
        {
            socket.Dispose();
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw new ServerUnavailableException($"its WebSocket did not open within {ConnectTimeout.TotalSeconds} s", ex);
        }

        return new ComfySocket(socket, promptId);
    }

    /// <summary>Reads the next frame; null when the server closed the socket. Cancelling aborts the socket (a
    /// WebSocket read cannot be cancelled otherwise): reconnect after a stall.</summary>
    public async Task<SocketMessage?> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var frame = new MemoryStream();
        var buffer = new byte[16 * 1024];
        WebSocketReceiveResult result;
        try
        {
            do
            {
                result = await _socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                frame.Write(buffer, 0, result.Count);
                if (frame.Length > MaxFrame)
                {
                    throw new ServerUnavailableException("sent a WebSocket frame over 64 MiB");
                }
            }
            while (!result.EndOfMessage);
        }
        catch (WebSocketException)
        {
            return null;
        }

        if (result.MessageType == WebSocketMessageType.Binary)
        {
            return BinaryFrame.Read(frame.GetBuffer().AsSpan(0, (int)frame.Length), _promptId);
        }

        try
        {
            var message = JsonNode.Parse(Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length));
            var type = message?["type"] is JsonValue t && t.TryGetValue<string>(out var name) ? name : string.Empty;
            return new SocketMessage.Event(type, message?["data"] as JsonObject ?? []);
        }
        catch (JsonException)
        {
            return new SocketMessage.Other();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, closing.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The server went first, or is gone: the socket is disposed below either way.
                _ = ex;
            }
        }

        _socket.Dispose();
    }
}
