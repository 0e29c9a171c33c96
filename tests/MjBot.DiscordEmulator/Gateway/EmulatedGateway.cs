using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using MjBot.DiscordEmulator.State;

namespace MjBot.DiscordEmulator.Gateway;

/// <summary>The emulator's gateway: HELLO, IDENTIFY → READY, heartbeats and ACKs, RESUME with replay of missed
/// dispatches then RESUMED (from any connection, so a restarted client can resume; a client close with 1000 or 1001
/// ends the session, as on Discord), the close codes Discord uses for bad behaviour, and faults a test injects. Dispatches
/// created while no session is connected wait and go to the next one.</summary>
public sealed class EmulatedGateway
{
    private const int PrivilegedIntents = (1 << 1) | (1 << 8) | (1 << 15);
    private const int KnownIntents = (1 << 26) - 1;
    private const int GuildsIntent = 1 << 0;

    private readonly EmulatorOptions _options;
    private readonly string _selfUserJson;
    private readonly Func<string> _resumeUrl;
    private readonly SentPayloadCheck? _sent;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, EmulatedSession> _sessions = [];
    private readonly Queue<(string Name, JsonNode Data, EmulatedInteraction? Interaction, int RequiredIntent)> _waiting = new();
    private readonly ConcurrentDictionary<int, int> _closeCodes = new();
    private readonly ConcurrentDictionary<int, int> _clientCloseCodes = new();
    private EmulatedSession? _live;
    private int _connections;
    private int _identifies;
    private int _resumes;
    private int _heartbeats;
    private int _compressed;

    internal EmulatedGateway(EmulatorOptions options, Func<string> resumeUrl, SentPayloadCheck? sent)
    {
        _options = options;
        _resumeUrl = resumeUrl;
        _sent = sent;
        _selfUserJson = EmulatedUsers.Bot(options.ApplicationId).ToJsonString();
    }

    /// <summary>Gets or sets whether heartbeats go unanswered (a zombie connection, seen from the client).</summary>
    public bool WithholdAcks { get; set; }

    /// <summary>Gets or sets whether dispatches are logged (sequence assigned, 3-second clock started) but never reach
    /// the socket: what a connection dying in silence loses, for a RESUME to replay.</summary>
    public bool SwallowDispatches { get; set; }

    /// <summary>Gets how many connections asked for zlib-stream.</summary>
    public int CompressedConnections => Volatile.Read(ref _compressed);

    /// <summary>Gets the intents of the last IDENTIFY.</summary>
    public int? LastIntents { get; private set; }

    public int Connections => Volatile.Read(ref _connections);

    public int Identifies => Volatile.Read(ref _identifies);

    public int Resumes => Volatile.Read(ref _resumes);

    public int Heartbeats => Volatile.Read(ref _heartbeats);

    /// <summary>Gets the close codes the emulator sent, with counts.</summary>
    public IReadOnlyDictionary<int, int> CloseCodes => _closeCodes;

    /// <summary>Gets the close codes clients sent, with counts (0: a close frame without a code).</summary>
    public IReadOnlyDictionary<int, int> ClientCloseCodes => _clientCloseCodes;

    /// <summary>Gets whether a session is connected and ready for dispatches.</summary>
    public bool IsLive => Volatile.Read(ref _live) is { Connection.Closed: false };

    /// <summary>Drops the live connection without a close frame (the session survives for a resume).</summary>
    public async Task DropAsync() => await WithLiveAsync(static c => { c.Drop(); return Task.CompletedTask; });

    /// <summary>Sends op 7: the client should reconnect and resume.</summary>
    public async Task RequestReconnectAsync() => await WithLiveAsync(static c => c.SendAsync("""{"op":7,"d":null,"s":null,"t":null}"""));

    /// <summary>Delivers an interaction's INTERACTION_CREATE a second time, as Discord may ("up to N times").</summary>
    public Task DispatchAgainAsync(EmulatedInteraction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return DispatchAsync("INTERACTION_CREATE", interaction.Payload, null);
    }

    /// <summary>Sends op 1: the client must heartbeat at once.</summary>
    public async Task RequestHeartbeatAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_live?.Connection is { } connection)
            {
                await connection.SendAsync("""{"op":1,"d":null,"s":null,"t":null}""");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Sends op 9; when not resumable the session is invalidated.</summary>
    public async Task InvalidateSessionAsync(bool resumable)
    {
        await _gate.WaitAsync();
        try
        {
            if (_live?.Connection is { } connection)
            {
                _live.Invalidated = !resumable;
                await connection.SendAsync($$"""{"op":9,"d":{{(resumable ? "true" : "false")}},"s":null,"t":null}""");
                _live = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the live connection with a close code (4000–4014), invalidating the session where Discord would.</summary>
    public async Task CloseAsync(int code)
    {
        await _gate.WaitAsync();
        try
        {
            if (_live?.Connection is { } connection)
            {
                _live.Invalidated = code is 4003 or 4004 or 4007 or 4009 or >= 4010;
                await CloseWithAsync(connection, code, "closed by the test");
                _live = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Sends a dispatch to the live session, or keeps it for the next one. An event that belongs to an intent
    /// goes only to a session that asked for it.</summary>
    internal async Task DispatchAsync(string name, JsonNode data, EmulatedInteraction? interaction, int requiredIntent = 0)
    {
        await _gate.WaitAsync();
        try
        {
            if (_live is { Connection: { Closed: false } } session)
            {
                if ((session.Intents & requiredIntent) == requiredIntent)
                {
                    await WriteAsync(session, name, data, interaction);
                }
            }
            else
            {
                _waiting.Enqueue((name, data, interaction, requiredIntent));
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Serves one WebSocket connection until it ends.</summary>
    internal async Task AcceptAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = 400;
            return;
        }

        var query = http.Request.Query;
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var connection = new EmulatedConnection(http, socket, query["compress"] == "zlib-stream");
        Interlocked.Increment(ref _connections);
        if (query["compress"] == "zlib-stream")
        {
            Interlocked.Increment(ref _compressed);
        }

        if (query["v"] != "10" || query["encoding"] != "json")
        {
            await CloseWithAsync(connection, 4012, "Invalid API version.");
            return;
        }

        await connection.SendAsync($$"""{"op":10,"d":{"heartbeat_interval":{{(int)_options.HeartbeatInterval.TotalMilliseconds}}},"s":null,"t":null}""");
        var received = new Queue<DateTimeOffset>();
        var buffer = new byte[8192];
        try
        {
            while (!connection.Closed)
            {
                var (text, size) = await ReceiveAsync(socket, buffer);
                if (text is null)
                {
                    await ClientClosedAsync(connection, socket.CloseStatus);
                    break;
                }

                var now = _options.Time.GetUtcNow();
                received.Enqueue(now);
                while (received.Peek() <= now - TimeSpan.FromMinutes(1))
                {
                    received.Dequeue();
                }

                if (received.Count > 120)
                {
                    await CloseWithAsync(connection, 4008, "Rate limited.");
                    break;
                }

                if (size > 4096)
                {
                    await CloseWithAsync(connection, 4002, "Error while decoding payload.");
                    break;
                }

                await OnFrameAsync(connection, text);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException)
        {
            // The client dropped the connection; the session stays resumable.
        }
        finally
        {
            await DetachAsync(connection);
        }
    }

    private async Task OnFrameAsync(EmulatedConnection connection, string text)
    {
        JsonNode? frame;
        try
        {
            frame = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            await CloseWithAsync(connection, 4002, "Error while decoding payload.");
            return;
        }

        var op = frame?["op"]?.GetValue<int>();
        var data = frame?["d"];
        switch (op)
        {
            case 1:
                Interlocked.Increment(ref _heartbeats);
                if (!WithholdAcks)
                {
                    await connection.SendAsync("""{"op":11,"d":null,"s":null,"t":null}""");
                }

                break;
            case 2:
                await IdentifyAsync(connection, data);
                break;
            case 6:
                await ResumeAsync(connection, data);
                break;
            case 3 or 4 or 8 when connection.Session is null:
                await CloseWithAsync(connection, 4003, "Not authenticated.");
                break;
            case 3 or 4 or 8:
                break;
            default:
                await CloseWithAsync(connection, 4001, "Unknown opcode.");
                break;
        }
    }

    private async Task IdentifyAsync(EmulatedConnection connection, JsonNode? data)
    {
        Interlocked.Increment(ref _identifies);
        if (connection.Session is not null)
        {
            await CloseWithAsync(connection, 4005, "Already authenticated.");
            return;
        }

        if (data?["token"]?.GetValue<string>() != _options.Token)
        {
            await CloseWithAsync(connection, 4004, "Authentication failed.");
            return;
        }

        if (data["properties"] is not JsonObject properties || properties["os"] is null || properties["browser"] is null || properties["device"] is null)
        {
            await CloseWithAsync(connection, 4002, "Error while decoding payload.");
            return;
        }

        var intents = data["intents"]?.GetValue<int>() ?? -1;
        LastIntents = intents;
        if (intents < 0 || (intents & ~KnownIntents) != 0)
        {
            await CloseWithAsync(connection, 4013, "Invalid intent(s).");
            return;
        }

        if ((intents & PrivilegedIntents) != 0)
        {
            await CloseWithAsync(connection, 4014, "Disallowed intent(s).");
            return;
        }

        await _gate.WaitAsync();
        try
        {
            var session = new EmulatedSession(Guid.NewGuid().ToString("N"), intents) { Connection = connection };
            _sessions[session.Id] = session;
            connection.Session = session;
            var ready = new JsonObject
            {
                ["v"] = 10,
                ["user"] = JsonNode.Parse(_selfUserJson),
                ["guilds"] = new JsonArray(EmulatedGuild.Stub()),
                ["session_id"] = session.Id,
                ["resume_gateway_url"] = _resumeUrl(),
                ["shard"] = new JsonArray(0, 1),
                ["application"] = new JsonObject { ["id"] = _options.ApplicationId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["flags"] = 0 },
            };
            // A client that closed before READY reached it never learns the session: Discord's events go nowhere then,
            // and the emulator keeps the waiting ones for the client's next session instead of losing them here.
            if (await WriteAsync(session, "READY", ready, null))
            {
                // Discord then sends each guild of READY's list, to sessions with the GUILDS intent.
                if ((intents & GuildsIntent) != 0)
                {
                    await WriteAsync(session, "GUILD_CREATE", EmulatedGuild.Create(_options.ApplicationId), null);
                }

                await GoLiveAsync(session);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ResumeAsync(EmulatedConnection connection, JsonNode? data)
    {
        Interlocked.Increment(ref _resumes);
        if (data?["token"]?.GetValue<string>() != _options.Token)
        {
            await CloseWithAsync(connection, 4004, "Authentication failed.");
            return;
        }

        await _gate.WaitAsync();
        try
        {
            var id = data["session_id"]?.GetValue<string>();
            var seq = data["seq"]?.GetValue<int>() ?? -1;
            if (id is null || !_sessions.TryGetValue(id, out var session) || session.Invalidated)
            {
                await connection.SendAsync("""{"op":9,"d":false,"s":null,"t":null}""");
                return;
            }

            if (seq > session.Sequence || seq < 0)
            {
                await CloseWithAsync(connection, 4007, "Invalid seq.");
                return;
            }

            if (session.Connection is { } previous && previous != connection)
            {
                previous.Drop();
            }

            session.Connection = connection;
            connection.Session = session;
            foreach (var (sequence, json) in session.Log)
            {
                if (sequence > seq)
                {
                    await connection.SendAsync(json);
                }
            }

            if (await WriteAsync(session, "RESUMED", new JsonObject(), null))
            {
                await GoLiveAsync(session);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    // Under the gate: the session takes the dispatches that waited for a connection.
    private async Task GoLiveAsync(EmulatedSession session)
    {
        _live = session;
        while (_waiting.TryDequeue(out var waiting))
        {
            if ((session.Intents & waiting.RequiredIntent) == waiting.RequiredIntent)
            {
                await WriteAsync(session, waiting.Name, waiting.Data, waiting.Interaction);
            }
        }
    }

    // Under the gate. Returns whether the frame went out (it stays in the session's log either way, for a resume).
    private async Task<bool> WriteAsync(EmulatedSession session, string name, JsonNode data, EmulatedInteraction? interaction)
    {
        if (_sent is not null)
        {
            await _sent.DispatchAsync(name, data);
        }

        var sequence = ++session.Sequence;
        var json = new JsonObject { ["op"] = 0, ["d"] = data.DeepClone(), ["s"] = sequence, ["t"] = name }.ToJsonString();
        session.Log.Add((sequence, json));
        if (interaction is not null)
        {
            interaction.DispatchedAt ??= _options.Time.GetUtcNow();
        }

        return (SwallowDispatches && name is not ("READY" or "RESUMED")) || await session.Connection!.SendAsync(json);
    }

    private async Task DetachAsync(EmulatedConnection connection)
    {
        await _gate.WaitAsync();
        try
        {
            if (connection.Session is { } session && session.Connection == connection)
            {
                session.Connection = null;
                if (_live == session)
                {
                    _live = null;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    // Discord ends a session whose client closes with 1000 or 1001; any other code leaves it resumable.
    private async Task ClientClosedAsync(EmulatedConnection connection, WebSocketCloseStatus? status)
    {
        var code = status is { } s ? (int)s : 0;
        _clientCloseCodes.AddOrUpdate(code, 1, static (_, n) => n + 1);
        if (code is 1000 or 1001 && connection.Session is { } session)
        {
            await _gate.WaitAsync();
            try
            {
                session.Invalidated = true;
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    private async Task WithLiveAsync(Func<EmulatedConnection, Task> action)
    {
        await _gate.WaitAsync();
        try
        {
            if (_live?.Connection is { } connection)
            {
                await action(connection);
                _live = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CloseWithAsync(EmulatedConnection connection, int code, string reason)
    {
        _closeCodes.AddOrUpdate(code, 1, static (_, n) => n + 1);
        await connection.CloseAsync(code, reason);
    }

    private static async Task<(string? Text, int Size)> ReceiveAsync(WebSocket socket, byte[] buffer)
    {
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (null, 0);
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return (Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length), (int)message.Length);
    }
}
