using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MjBot.Discord.Models;

namespace MjBot.Discord.Gateway;

/// <summary>One WebSocket connection to the gateway, from connect to close: HELLO, heartbeats on their own loop,
/// IDENTIFY or RESUME, then frames until the connection ends. Sends go one at a time within the per-connection limit.
/// The outcome says what the client does next; the session (id, resume URL, sequence) outlives the connection.</summary>
internal sealed class GatewayConnection : IDisposable
{
    /// <summary>Discord drops payloads over this size with close code 4002.</summary>
    public const int MaxPayloadBytes = 4096;

    /// <summary>The close code MjBot sends when the session should stay resumable (Discord ends it on 1000 and 1001).</summary>
    public const WebSocketCloseStatus KeepSessionCloseCode = (WebSocketCloseStatus)4000;

    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;

    private readonly ClientWebSocket _socket = new();
    private readonly GatewayFrameDecoder _decoder;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Lock _heartbeatGate = new();
    private readonly ArrayBufferWriter<byte> _frame = new(16 * 1024);
    private readonly GatewayContext _context;
    private readonly GatewaySendLimiter _limiter;
    private HeartbeatMonitor? _heartbeat;
    private readonly CancellationTokenSource _end = new();
    private volatile bool _zombie;
    private Task? _stopping;
    private bool _reachedSession;

    public GatewayConnection(GatewayContext context)
    {
        _context = context;
        _limiter = new GatewaySendLimiter(context.Time);
        _decoder = new GatewayFrameDecoder(context.Options.TransportCompression);
    }

    /// <summary>Gets the last heartbeat round trip.</summary>
    public TimeSpan? Latency
    {
        get
        {
            lock (_heartbeatGate)
            {
                return _heartbeat?.Latency;
            }
        }
    }

    /// <summary>Runs the connection to its end. Every outcome but a fatal close or an invalid session is "resume": the
    /// client resumes when it has a session to resume and identifies otherwise.</summary>
    public async Task<ConnectionOutcome> RunAsync(Uri url, bool resume, CancellationToken cancellationToken)
    {
        // _end ends the connection's work: the heartbeat loop cancels it on a zombie, a stop once the close frame is out.
        Task? heartbeats = null;
        var stop = cancellationToken.Register(() => _stopping = StopAsync());
        try
        {
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(_end.Token))
            {
                connectTimeout.CancelAfter(_context.Options.HelloTimeout);
                await _socket.ConnectAsync(url, connectTimeout.Token);
                _context.Counters.Connected();
                var hello = await ReceiveHelloAsync(connectTimeout.Token);
                if (hello is null)
                {
                    return await CloseAsync(GatewayCloseAction.Resume, "Discord asked for a reconnect before HELLO");
                }

                lock (_heartbeatGate)
                {
                    _heartbeat = new HeartbeatMonitor(_context.Time, TimeSpan.FromMilliseconds(hello.HeartbeatInterval), Random.Shared.NextDouble());
                }
            }

            heartbeats = HeartbeatLoopAsync(_end.Token);
            if (resume)
            {
                await ResumeAsync(_end.Token);
            }
            else
            {
                await IdentifyAsync(_end.Token);
            }

            return await ReceiveLoopAsync(_end.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Outcome(GatewayCloseAction.Resume, _zombie ? "zombie connection: a heartbeat went unacknowledged" : "no HELLO in time");
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or HttpRequestException or ObjectDisposedException)
        {
            return Outcome(GatewayCloseAction.Resume, _zombie ? "zombie connection: a heartbeat went unacknowledged" : $"the connection dropped ({ex.Message})");
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException)
        {
            // A corrupt stream or frame: this connection is unusable, the session is not.
            return await CloseAsync(GatewayCloseAction.Resume, $"an unreadable frame ({ex.GetType().Name})");
        }
        finally
        {
            await stop.DisposeAsync();
            await _end.CancelAsync();
            if (heartbeats is not null)
            {
                await heartbeats.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (_stopping is { } stopping)
            {
                await stopping;
            }
        }
    }

    public void Dispose()
    {
        _end.Dispose();
        _socket.Dispose();
        _decoder.Dispose();
        _sendLock.Dispose();
    }

    // A stop sends its close frame while the receive is still pending (cancelling a receive aborts the socket, and an
    // aborted socket sends no close code at all), then gives the receive a moment to read the server's answer. 1000
    // ends the session (the bot shows offline at once); any other code keeps it for a restart to resume.
    private async Task StopAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await CloseQuietlyAsync(_context.Store is null ? WebSocketCloseStatus.NormalClosure : KeepSessionCloseCode);
            await Task.Delay(TimeSpan.FromSeconds(1), _context.Time, _end.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await _end.CancelAsync();
    }

    private async Task<HelloData?> ReceiveHelloAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await ReceiveAsync(cancellationToken)
                ?? throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "The gateway closed before HELLO.");
            switch (frame.Op)
            {
                case GatewayOpcode.Hello:
                    return frame.D?.Deserialize(Json.HelloData) ?? throw new JsonException("HELLO without data.");
                case GatewayOpcode.Reconnect:
                    return null;
                default:
                    continue;
            }
        }
    }

    private async Task<ConnectionOutcome> ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await ReceiveAsync(cancellationToken);
            if (frame is null)
            {
                var decision = GatewayClosePolicy.Decide(_socket.CloseStatus is { } status ? (int)status : null);
                return decision.Action == GatewayCloseAction.Stop
                    ? new ConnectionOutcome(GatewayCloseAction.Stop, decision.Reason, _reachedSession, TimeSpan.Zero)
                    : Outcome(decision.Action, "Discord closed the connection: " + decision.Reason);
            }

            switch (frame.Op)
            {
                case GatewayOpcode.Dispatch when frame.S is { } sequence && frame.T is { } name:
                    OnDispatch(new GatewayDispatch(name, sequence, frame.D ?? default));
                    break;
                case GatewayOpcode.Heartbeat:
                    await BeatAsync(requestedByServer: true, cancellationToken);
                    break;
                case GatewayOpcode.HeartbeatAck:
                    lock (_heartbeatGate)
                    {
                        _heartbeat?.Acknowledged();
                    }

                    break;
                case GatewayOpcode.Reconnect:
                    return await CloseAsync(GatewayCloseAction.Resume, "Discord asked for a reconnect (op 7)");
                case GatewayOpcode.InvalidSession:
                    _context.Counters.InvalidSession();
                    if (frame.D is { ValueKind: JsonValueKind.True })
                    {
                        return await CloseAsync(GatewayCloseAction.Resume, "invalid session (op 9), resumable");
                    }

                    _context.Session.Clear();
                    var wait = _context.Options.InvalidSessionDelayMin
                        + ((_context.Options.InvalidSessionDelayMax - _context.Options.InvalidSessionDelayMin) * Random.Shared.NextDouble());
                    return await CloseAsync(GatewayCloseAction.Identify, "invalid session (op 9), a new one is needed", wait);
                default:
                    break;
            }
        }
    }

    private void OnDispatch(GatewayDispatch dispatch)
    {
        _context.Session.Saw(dispatch.Sequence);
        _context.Counters.Dispatched();
        if (dispatch.Name == "READY")
        {
            var ready = dispatch.Data.Deserialize(Json.ReadyData) ?? throw new JsonException("READY without data.");
            _context.Session.Started(ready.SessionId, GatewayUri.For(ready.ResumeGatewayUrl, _context.Options.TransportCompression));
            _reachedSession = true;
            _context.Logger.Ready(ready.User.Username, ready.Application.Id.ToString(), ready.Guilds?.Count ?? 0);
        }
        else if (dispatch.Name == "RESUMED")
        {
            _reachedSession = true;
            _context.Counters.ResumedSession();
            _context.Logger.Resumed();
        }

        try
        {
            _context.Handler.OnDispatch(dispatch);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A handler's bug must not take the connection (and every other member's command) down with it.
            _context.Logger.HandlerFailed(dispatch.Name, ex);
        }
    }

    private async Task IdentifyAsync(CancellationToken cancellationToken)
    {
        for (var wait = _context.IdentifyBudget.Reserve(); wait > TimeSpan.Zero; wait = _context.IdentifyBudget.Reserve())
        {
            if (wait > TimeSpan.FromSeconds(5))
            {
                _context.Logger.IdentifyWaiting((long)wait.TotalSeconds);
            }

            await Task.Delay(wait, _context.Time, cancellationToken);
        }

        _context.Counters.Identified();
        var identify = new IdentifyData(_context.Options.Token, _context.Options.Intents, IdentifyProperties.ForThisProcess);
        await SendAsync(new OutgoingGatewayPayload<IdentifyData>(GatewayOpcode.Identify, identify), Json.OutgoingGatewayPayloadIdentifyData, heartbeat: false, cancellationToken);
    }

    private async Task ResumeAsync(CancellationToken cancellationToken)
    {
        var session = _context.Session;
        var resume = new ResumeData(_context.Options.Token, session.SessionId!, session.Sequence ?? 0);
        _context.Counters.Resuming();
        await SendAsync(new OutgoingGatewayPayload<ResumeData>(GatewayOpcode.Resume, resume), Json.OutgoingGatewayPayloadResumeData, heartbeat: false, cancellationToken);
    }

    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan due;
            lock (_heartbeatGate)
            {
                due = _heartbeat!.UntilDue;
            }

            await Task.Delay(due, _context.Time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                if (!await BeatAsync(requestedByServer: false, cancellationToken))
                {
                    _zombie = true;
                    _context.Counters.Zombie();
                    await CloseQuietlyAsync(KeepSessionCloseCode);
                    await _end.CancelAsync();
                    return;
                }
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                // The receive loop sees the same failure and ends the connection; the heartbeat loop just stops.
                return;
            }
        }
    }

    // Returns false when the connection is a zombie (the previous beat was never acknowledged).
    private async Task<bool> BeatAsync(bool requestedByServer, CancellationToken cancellationToken)
    {
        lock (_heartbeatGate)
        {
            if (_heartbeat!.Due(requestedByServer) == HeartbeatAction.Zombie)
            {
                return false;
            }
        }

        await SendAsync(new OutgoingGatewayPayload<int?>(GatewayOpcode.Heartbeat, _context.Session.Sequence), Json.OutgoingGatewayPayloadNullableInt32, heartbeat: true, cancellationToken);
        return true;
    }

    private async Task SendAsync<T>(OutgoingGatewayPayload<T> payload, JsonTypeInfo<OutgoingGatewayPayload<T>> type, bool heartbeat, CancellationToken cancellationToken)
    {
        for (var wait = _limiter.Reserve(heartbeat); wait > TimeSpan.Zero; wait = _limiter.Reserve(heartbeat))
        {
            await Task.Delay(wait, _context.Time, cancellationToken);
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, type);
        if (bytes.Length > MaxPayloadBytes)
        {
            throw new InvalidOperationException($"A gateway payload (op {(int)payload.Op}) is {bytes.Length} bytes; Discord allows {MaxPayloadBytes}.");
        }

        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    // One whole message: receives until EndOfMessage, inflating binary frames. Null when the server closed.
    private async Task<GatewayPayload?> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            _frame.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(_frame.GetMemory(8 * 1024), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                _frame.Advance(result.Count);
            }
            while (!result.EndOfMessage);

            if (_decoder.Decode(_frame.WrittenSpan, result.MessageType == WebSocketMessageType.Binary) is { } payload)
            {
                return payload;
            }
        }
    }

    private async Task<ConnectionOutcome> CloseAsync(GatewayCloseAction next, string reason, TimeSpan delay = default)
    {
        await CloseQuietlyAsync(KeepSessionCloseCode);
        return Outcome(next, reason, delay);
    }

    private async Task CloseQuietlyAsync(WebSocketCloseStatus status)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await _sendLock.WaitAsync(timeout.Token);
            try
            {
                await _socket.CloseOutputAsync(status, null, timeout.Token);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer is gone or not answering: the close frame is a courtesy, the connection ends either way.
            _socket.Abort();
        }
    }

    private ConnectionOutcome Outcome(GatewayCloseAction next, string reason, TimeSpan delay = default) =>
        new(next, reason, _reachedSession, delay);
}
