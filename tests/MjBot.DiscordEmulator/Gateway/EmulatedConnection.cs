using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace MjBot.DiscordEmulator.Gateway;

/// <summary>One client connection on the emulator's gateway: serialised sends (compressed when the client asked for
/// zlib-stream), and the ways a test can end it.</summary>
internal sealed class EmulatedConnection(HttpContext http, WebSocket socket, bool compress) : IDisposable
{
    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly ZlibStreamDeflater? _deflater = compress ? new ZlibStreamDeflater() : null;

    public WebSocket Socket => socket;

    /// <summary>Gets or sets the session this connection identified or resumed, once it has.</summary>
    public EmulatedSession? Session { get; set; }

    public bool Closed { get; private set; }

    /// <summary>Sends a frame; false when the connection is closing or gone, so it was not sent.</summary>
    public async Task<bool> SendAsync(string json)
    {
        await _send.WaitAsync();
        try
        {
            if (Closed || socket.State != WebSocketState.Open)
            {
                return false;
            }

            if (_deflater is not null)
            {
                await socket.SendAsync(_deflater.Compress(json), WebSocketMessageType.Binary, true, CancellationToken.None);
            }
            else
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
            }

            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client is gone; what was sent stays in the session's log for a resume.
            Closed = true;
            return false;
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>Closes with a code, as Discord does.</summary>
    public async Task CloseAsync(int code, string reason)
    {
        await _send.WaitAsync();
        try
        {
            if (!Closed && socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // Already gone.
        }
        finally
        {
            Closed = true;
            _send.Release();
        }
    }

    /// <summary>Drops the TCP connection with no close frame.</summary>
    public void Drop()
    {
        Closed = true;
        http.Abort();
    }

    public void Dispose()
    {
        _deflater?.Dispose();
        _send.Dispose();
    }
}
