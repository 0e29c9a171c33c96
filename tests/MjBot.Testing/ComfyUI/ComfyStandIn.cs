using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MjBot.Imaging;
using MjBot.Imaging.Png;

namespace MjBot.Testing.ComfyUI;

/// <summary>A ComfyUI server on loopback that follows ComfyUI v0.8.0's protocol (the external-engines reference note,
/// §1, read from ComfyUI's server.py, execution.py and main.py): every route also under <c>/api</c>; <c>/prompt</c> validated against
/// the real node catalogue with the real 400 body; one prompt at a time from a queue ordered by number; WebSocket
/// events only to the prompt's client, in the real order, ending with <c>executing{node:null}</c> even after an error;
/// binary preview frames with their 8-byte header (when the prompt asks for previews); <c>/history</c> empty until
/// done; <c>/view</c>; <c>/interrupt</c> for the running prompt only; queue deletion of pending prompts; the node cache
/// that makes an identical resubmission a zero-time run. Tests can hold its sampler, fail a node, or kill it.</summary>
public sealed class ComfyStandIn : IAsyncDisposable
{
    private readonly StandInOptions _options;
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Client> _sockets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _inputs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _history = new(StringComparer.Ordinal);
    private readonly List<Queued> _pending = [];
    private readonly ConcurrentQueue<TaskCompletionSource<string>> _queuedWaiters = new();
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _work = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly StandInExecutor _executor;
    private readonly Dictionary<string, int> _counters = new(StringComparer.Ordinal);
    private TaskCompletionSource _released = CompletedSource();
    private TaskCompletionSource<string> _running = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _interrupted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Queued? _current;
    private string? _currentNode;
    private volatile bool _interrupt;
    private (string ClassType, string Message, string Type)? _fault;
    private int _number;
    private Task _worker = Task.CompletedTask;

    private ComfyStandIn(StandInOptions options, WebApplication app, Uri address)
    {
        _options = options;
        _app = app;
        Address = address;
        _executor = new StandInExecutor(this);
    }

    public Uri Address { get; }

    /// <summary>Gets every body POSTed to <c>/prompt</c>, accepted or not.</summary>
    public ConcurrentQueue<JsonObject> Submitted { get; } = new();

    /// <summary>Gets the prompt ids of each <c>/interrupt</c> body (empty for a bare interrupt).</summary>
    public ConcurrentQueue<string> Interrupts { get; } = new();

    /// <summary>Gets the ids asked to be deleted from the queue.</summary>
    public ConcurrentQueue<string> Deleted { get; } = new();

    /// <summary>Gets the ids whose history entries were asked to be deleted (<c>POST /history</c>).</summary>
    public ConcurrentQueue<string> Forgotten { get; } = new();

    /// <summary>Gets how many prompts have started executing.</summary>
    public int Executions { get; private set; }

    internal bool SendsPreviews => _current?.Previews ?? false;

    public static async Task<ComfyStandIn> StartAsync(StandInOptions? options = null)
    {
        options ??= new StandInOptions();
        ComfyStandIn? server = null;
        var (app, address) = await LoopbackHttpServer.StartKestrelAsync(app =>
        {
            app.UseWebSockets();
            app.Run(context => server!.HandleAsync(context));
        });
        server = new ComfyStandIn(options, app, address);
        server._worker = Task.Run(server.WorkAsync);
        return server;
    }

    /// <summary>Holds every sampler before its next step until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_lock)
        {
            if (_released.Task.IsCompleted)
            {
                _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void Release()
    {
        lock (_lock)
        {
            _released.TrySetResult();
        }
    }

    /// <summary>Completes with the prompt id once a prompt has sent its first sampler progress (the next one after the
    /// previous wait).</summary>
    public Task<string> RunningAsync() => _running.Task;

    /// <summary>Makes the next node of <paramref name="classType"/> fail with ComfyUI's execution_error.</summary>
    public void FailNext(string classType, string message, string exceptionType = "RuntimeError") => _fault = (classType, message, exceptionType);

    /// <summary>Closes every WebSocket from the server's side (a proxy in between dropping them); the prompts go on.</summary>
    public async Task CloseSocketsAsync()
    {
        foreach (var client in _sockets.Values)
        {
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.CloseAsync(bounded.Token);
        }
    }

    /// <summary>Completes with the id of the next prompt queued after this call.</summary>
    public Task<string> NextQueuedAsync()
    {
        var next = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _queuedWaiters.Enqueue(next);
        return next.Task;
    }

    /// <summary>Gets the prompts waiting (not running).</summary>
    public IReadOnlyList<string> PendingIds()
    {
        lock (_lock)
        {
            return [.. _pending.Select(static q => q.Id)];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        Release();
        foreach (var client in _sockets.Values)
        {
            client.Socket.Abort();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            await _worker;
        }
        catch (OperationCanceledException)
        {
            // The worker stops with the server.
        }
    }

    internal async Task StepAsync()
    {
        await Task.Delay(_options.StepDelay, _stopping.Token);
        Task held;
        lock (_lock)
        {
            held = Task.WhenAny(_released.Task, _interrupted.Task);
        }

        await held.WaitAsync(_stopping.Token);
    }

    internal RgbaImage InputImage(string name) =>
        PngDecoder.Decode(_inputs[name]) is PngDecodeResult.Success success ? success.Image.Pixels : throw new InvalidDataException("not a PNG: " + name);

    internal JsonObject SaveOutput(string prefix, string type, byte[] png)
    {
        var slash = prefix.LastIndexOf('/');
        var (subfolder, name) = slash < 0 ? (string.Empty, prefix) : (prefix[..slash], prefix[(slash + 1)..]);
        int counter;
        lock (_lock)
        {
            counter = _counters[prefix] = _counters.GetValueOrDefault(prefix) + 1;
        }

        var filename = $"{name}_{counter:00000}_.png";
        _files[$"{type}/{subfolder}/{filename}"] = png;
        return new JsonObject { ["filename"] = filename, ["subfolder"] = subfolder, ["type"] = type };
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            path = path[4..];
        }

        var method = context.Request.Method;
        switch (path)
        {
            case "/ws" when context.WebSockets.IsWebSocketRequest:
                await SocketAsync(context);
                return;
            case "/system_stats":
                await Json(context, new JsonObject
                {
                    ["system"] = new JsonObject { ["os"] = "posix", ["ram_total"] = 34359738368L, ["ram_free"] = 17179869184L, ["comfyui_version"] = _options.Version, ["python_version"] = "3.12.3", ["pytorch_version"] = "2.9.1+cu128", ["embedded_python"] = false, ["argv"] = new JsonArray("main.py", "--listen") },
                    ["devices"] = new JsonArray(new JsonObject { ["name"] = "cuda:0 NVIDIA GeForce RTX 4090 : cudaMallocAsync", ["type"] = "cuda", ["index"] = 0, ["vram_total"] = 25757220864L, ["vram_free"] = 24000000000L, ["torch_vram_total"] = 0, ["torch_vram_free"] = 0 }),
                });
                return;
            case "/queue" when method == "GET":
                await Json(context, QueueJson());
                return;
            case "/queue" when method == "POST":
                await DeleteAsync(context);
                return;
            case "/history" when method == "POST":
                await ForgetAsync(context);
                return;
            case "/prompt" when method == "GET":
                await Json(context, new JsonObject { ["exec_info"] = new JsonObject { ["queue_remaining"] = Remaining() } });
                return;
            case "/prompt" when method == "POST":
                await PromptAsync(context);
                return;
            case "/interrupt" when method == "POST":
                await InterruptAsync(context);
                return;
            case "/upload/image" when method == "POST":
                await UploadAsync(context);
                return;
            case "/view":
                await ViewAsync(context);
                return;
            case "/object_info":
                await Json(context, Catalogue());
                return;
            case "/models":
                await Json(context, new JsonArray([.. _options.Files.Keys.Select(static k => (JsonNode)k)]));
                return;
        }

        if (path.StartsWith("/object_info/", StringComparison.Ordinal))
        {
            var name = path["/object_info/".Length..];
            var node = Catalogue()[name];
            await Json(context, node is null ? new JsonObject() : new JsonObject { [name] = node.DeepClone() });
        }
        else if (path.StartsWith("/models/", StringComparison.Ordinal))
        {
            var folder = Uri.UnescapeDataString(path["/models/".Length..]);
            if (_options.Files.TryGetValue(folder, out var files))
            {
                await Json(context, new JsonArray([.. files.Select(static f => (JsonNode)f)]));
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        }
        else if (path.StartsWith("/history/", StringComparison.Ordinal))
        {
            var id = path["/history/".Length..];
            await Json(context, _history.TryGetValue(id, out var entry) ? new JsonObject { [id] = entry.DeepClone() } : new JsonObject());
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    }

    private JsonObject Catalogue() => StandInCatalogue.For(_options.Files, _inputs.Keys);

    private async Task PromptAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
        Submitted.Enqueue((JsonObject)body.DeepClone());
        var (refusal, outputs, nodeErrors) = StandInValidation.Validate(body, Catalogue(), _inputs.Keys.ToHashSet(StringComparer.Ordinal));
        if (refusal is not null)
        {
            context.Response.StatusCode = 400;
            await Json(context, refusal);
            return;
        }

        var id = body["prompt_id"]?.GetValue<string>() ?? Guid.NewGuid().ToString("D");
        var extra = body["extra_data"] as JsonObject ?? [];
        var clientId = body["client_id"]?.GetValue<string>();
        if (clientId is not null)
        {
            extra["client_id"] = clientId;
        }

        int number;
        lock (_lock)
        {
            number = body["front"]?.GetValue<bool>() == true ? -(++_number) : ++_number;
            _pending.Add(new Queued(id, number, (JsonObject)body["prompt"]!.DeepClone(), extra, clientId, outputs, extra["preview_method"]?.GetValue<string>() is { } p && p != "none"));
        }

        await Json(context, new JsonObject { ["prompt_id"] = id, ["number"] = number, ["node_errors"] = nodeErrors.DeepClone() });
        while (_queuedWaiters.TryDequeue(out var waiter))
        {
            waiter.TrySetResult(id);
        }

        _work.Release();
        await BroadcastStatusAsync();
    }

    private async Task WorkAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            await _work.WaitAsync(_stopping.Token);
            Queued item;
            lock (_lock)
            {
                if (_pending.Count == 0)
                {
                    continue;
                }

                item = _pending.MinBy(static q => q.Number)!;
                _pending.Remove(item);
                _current = item;
                _interrupt = false;
                _interrupted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            await RunAsync(item);
            lock (_lock)
            {
                _current = null;
                _currentNode = null;
            }

            await BroadcastStatusAsync();
            await SendAsync(item, "executing", new JsonObject { ["node"] = null, ["prompt_id"] = item.Id });
        }
    }

    private async Task RunAsync(Queued item)
    {
        Executions++;
        var messages = new JsonArray();
        async Task Message(string type, JsonObject data, bool broadcast = false)
        {
            data["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            messages.Add(new JsonArray(type, data.DeepClone()));
            if (broadcast)
            {
                await BroadcastAsync(type, data);
            }
            else
            {
                await SendAsync(item, type, data);
            }
        }

        await BroadcastStatusAsync();
        await Message("execution_start", new JsonObject { ["prompt_id"] = item.Id });
        var executed = new List<string>();
        var outputs = new JsonObject();
        try
        {
            var (images, cached) = await _executor.RunAsync(
                item.Prompt,
                item.Outputs,
                cached => Message("execution_cached", new JsonObject { ["nodes"] = new JsonArray([.. cached.Select(static c => (JsonNode)c)]), ["prompt_id"] = item.Id }),
                async node =>
                {
                    _currentNode = node;
                    executed.Add(node);
                    await SendAsync(item, "executing", new JsonObject { ["node"] = node, ["display_node"] = node, ["prompt_id"] = item.Id });
                },
                async (node, value, max) =>
                {
                    await SendAsync(item, "progress", new JsonObject { ["value"] = value, ["max"] = max, ["prompt_id"] = item.Id, ["node"] = node }, toAllWithoutClient: true);
                    _running.TrySetResult(item.Id);
                },
                image => SendBinaryAsync(item, image),
                async (node, output) =>
                {
                    if (item.ClientId is not null)
                    {
                        await SendAsync(item, "executed", new JsonObject { ["node"] = node, ["display_node"] = node, ["output"] = output.DeepClone(), ["prompt_id"] = item.Id });
                    }
                },
                (classType, node) =>
                {
                    if (_fault is { } fault && fault.ClassType == classType)
                    {
                        _fault = null;
                        return new StandInFault(node, classType, fault.Message, fault.Type);
                    }

                    return null;
                },
                () => _interrupt || _stopping.IsCancellationRequested);
            foreach (var (node, list) in images)
            {
                // v0.8.0: a cached output node adds its images to history only when the prompt had a client id.
                if (!cached.Contains(node) || item.ClientId is not null)
                {
                    outputs[node] = list[0].DeepClone();
                }
            }

            await Message("execution_success", new JsonObject { ["prompt_id"] = item.Id });
            Finish(item, outputs, messages, success: true);
        }
        catch (StandInFault fault)
        {
            await Message("execution_error", new JsonObject
            {
                ["prompt_id"] = item.Id, ["node_id"] = fault.NodeId, ["node_type"] = fault.NodeType, ["executed"] = new JsonArray([.. executed.Select(static e => (JsonNode)e)]),
                ["exception_message"] = fault.Message + (fault.ExceptionType.Contains("OutOfMemory", StringComparison.Ordinal) ? "\nThis error means you ran out of memory on your GPU.\n\nTIPS: If the workflow worked before you might have accidentally set the batch_size to a large number." : string.Empty),
                ["exception_type"] = fault.ExceptionType, ["traceback"] = new JsonArray("Traceback (most recent call last):\n", "  File \"execution.py\", line 496, in execute\n"),
                ["current_inputs"] = new JsonObject(), ["current_outputs"] = new JsonArray(),
            });
            Finish(item, outputs, messages, success: false);
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
            await Message("execution_interrupted", new JsonObject { ["prompt_id"] = item.Id, ["node_id"] = _currentNode, ["node_type"] = StandInValidation.ClassOf(item.Prompt[_currentNode ?? string.Empty]), ["executed"] = new JsonArray([.. executed.Select(static e => (JsonNode)e)]) }, broadcast: true);
            Finish(item, outputs, messages, success: false);
        }
    }

    private void Finish(Queued item, JsonObject outputs, JsonArray messages, bool success) =>
        _history[item.Id] = new JsonObject
        {
            ["prompt"] = new JsonArray(item.Number, item.Id, item.Prompt.DeepClone(), item.Extra.DeepClone(), new JsonArray([.. item.Outputs.Select(static o => (JsonNode)o)])),
            ["outputs"] = outputs,
            ["status"] = new JsonObject { ["status_str"] = success ? "success" : "error", ["completed"] = success, ["messages"] = messages },
            ["meta"] = new JsonObject(),
        };

    private async Task InterruptAsync(HttpContext context)
    {
        string? target = null;
        try
        {
            target = (await JsonNode.ParseAsync(context.Request.Body))?["prompt_id"]?.GetValue<string>();
        }
        catch (System.Text.Json.JsonException)
        {
            // An empty or non-JSON body interrupts whatever runs (server.py post_interrupt).
        }

        Interrupts.Enqueue(target ?? string.Empty);
        lock (_lock)
        {
            if (_current is { } running && (target is null || target == running.Id || _options.InterruptsWhateverRuns))
            {
                _interrupt = true;
                _interrupted.TrySetResult();
            }
        }
    }

    private async Task DeleteAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        lock (_lock)
        {
            if (body?["delete"] is JsonArray ids)
            {
                foreach (var id in ids.Select(static i => i?.GetValue<string>() ?? string.Empty))
                {
                    Deleted.Enqueue(id);
                    _pending.RemoveAll(q => q.Id == id);
                }
            }

            if (body?["clear"]?.GetValue<bool>() == true)
            {
                _pending.Clear();
            }
        }
    }

    // server.py post_history: {"delete": [ids]} or {"clear": true}; 200 with an empty body.
    private async Task ForgetAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        if (body?["clear"]?.GetValue<bool>() == true)
        {
            _history.Clear();
        }

        foreach (var id in (body?["delete"] as JsonArray ?? []).Select(static i => i?.GetValue<string>() ?? string.Empty))
        {
            Forgotten.Enqueue(id);
            _history.TryRemove(id, out _);
        }
    }

    private async Task UploadAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form.Files["image"] is not { Length: > 0 } file || string.IsNullOrEmpty(file.FileName))
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes);
        var name = file.FileName;
        var overwrite = form["overwrite"].ToString() is "true" or "1";
        if (!overwrite && _inputs.TryGetValue(name, out var existing) && !existing.AsSpan().SequenceEqual(bytes.ToArray()))
        {
            var stem = Path.GetFileNameWithoutExtension(name);
            var extension = Path.GetExtension(name);
            var n = 1;
            while (_inputs.ContainsKey($"{stem} ({n}){extension}"))
            {
                n++;
            }

            name = $"{stem} ({n}){extension}";
        }

        _inputs[name] = bytes.ToArray();
        await Json(context, new JsonObject { ["name"] = name, ["subfolder"] = string.Empty, ["type"] = "input" });
    }

    private async Task ViewAsync(HttpContext context)
    {
        var filename = context.Request.Query["filename"].ToString();
        var subfolder = context.Request.Query["subfolder"].ToString();
        var type = context.Request.Query["type"].ToString() is { Length: > 0 } t ? t : "output";
        if (filename.StartsWith('/') || filename.Contains("..", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 400;
            return;
        }

        if (filename.Length == 0 || !_files.TryGetValue($"{type}/{subfolder}/{filename}", out var png))
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = "image/png";
        context.Response.Headers.ContentDisposition = $"filename=\"{filename}\"";
        await context.Response.Body.WriteAsync(png);
    }

    private async Task SocketAsync(HttpContext context)
    {
        var socket = await context.WebSockets.AcceptWebSocketAsync();
        var sid = context.Request.Query["clientId"].ToString() is { Length: > 0 } given ? given : Guid.NewGuid().ToString("N");
        var client = new Client(socket);

        // server.py websocket_handler: the old socket of that id is only forgotten, not closed.
        _sockets[sid] = client;
        await client.SendAsync(Text("status", new JsonObject { ["status"] = new JsonObject { ["exec_info"] = new JsonObject { ["queue_remaining"] = Remaining() } }, ["sid"] = sid }), _stopping.Token);
        lock (_lock)
        {
            if (_current is { } running && running.ClientId == sid && _currentNode is { } node)
            {
                // Only the node: no prompt id in this one (server.py websocket_handler).
                _ = client.SendAsync(Text("executing", new JsonObject { ["node"] = node }), _stopping.Token);
            }
        }

        var buffer = new byte[4096];
        try
        {
            while (socket.State == WebSocketState.Open && !_stopping.IsCancellationRequested)
            {
                var read = await socket.ReceiveAsync(buffer, _stopping.Token);
                if (read.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away, or the server stops.
        }

        // As server.py does: the id is forgotten when any socket of that id ends, even an old one replaced since.
        _sockets.TryRemove(sid, out _);
    }

    private async Task SendAsync(Queued item, string type, JsonObject data, bool toAllWithoutClient = false)
    {
        if (item.ClientId is null)
        {
            // Without a client id, executing is never sent and progress goes to every socket.
            if (toAllWithoutClient)
            {
                await BroadcastAsync(type, data);
            }

            return;
        }

        if (_sockets.TryGetValue(item.ClientId, out var client))
        {
            await client.SendAsync(Text(type, data), _stopping.Token);
        }
    }

    private async Task SendBinaryAsync(Queued item, byte[] jpeg)
    {
        if (item.ClientId is null || !_sockets.TryGetValue(item.ClientId, out var client))
        {
            return;
        }

        var frame = new byte[8 + jpeg.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, 1);
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(4), 1);
        jpeg.CopyTo(frame, 8);
        await client.SendAsync(new Frame(frame, WebSocketMessageType.Binary), _stopping.Token);
    }

    private async Task BroadcastAsync(string type, JsonObject data)
    {
        foreach (var client in _sockets.Values)
        {
            await client.SendAsync(Text(type, data), _stopping.Token);
        }
    }

    private Task BroadcastStatusAsync() =>
        BroadcastAsync("status", new JsonObject { ["status"] = new JsonObject { ["exec_info"] = new JsonObject { ["queue_remaining"] = Remaining() } } });

    private int Remaining()
    {
        lock (_lock)
        {
            return _pending.Count + (_current is null ? 0 : 1);
        }
    }

    private JsonObject QueueJson()
    {
        lock (_lock)
        {
            static JsonArray Item(Queued q) => new(q.Number, q.Id, q.Prompt.DeepClone(), q.Extra.DeepClone(), new JsonArray([.. q.Outputs.Select(static o => (JsonNode)o)]));
            return new JsonObject
            {
                ["queue_running"] = _current is { } running ? new JsonArray(Item(running)) : new JsonArray(),
                ["queue_pending"] = new JsonArray([.. _pending.OrderBy(static q => q.Number).Select(Item)]),
            };
        }
    }

    private static Frame Text(string type, JsonObject data) =>
        new(Encoding.UTF8.GetBytes(new JsonObject { ["type"] = type, ["data"] = data.DeepClone() }.ToJsonString()), WebSocketMessageType.Text);

    private static async Task Json(HttpContext context, JsonNode body)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private static TaskCompletionSource CompletedSource()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }

    /// <summary>Waits for the next prompt to start sampling (a new wait after each).</summary>
    public void ResetRunning() => _running = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record Queued(string Id, int Number, JsonObject Prompt, JsonObject Extra, string? ClientId, List<string> Outputs, bool Previews);

    private sealed record Frame(byte[] Bytes, WebSocketMessageType Type);

    private sealed class Client(WebSocket socket)
    {
        private readonly SemaphoreSlim _sending = new(1);

        public WebSocket Socket => socket;

        public async Task CloseAsync(CancellationToken cancellationToken)
        {
            await _sending.WaitAsync(cancellationToken);
            try
            {
                if (socket.State == WebSocketState.Open)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "going away", cancellationToken);
                }
            }
            catch (WebSocketException)
            {
                // Already gone.
            }
            finally
            {
                _sending.Release();
            }
        }

        public async Task SendAsync(Frame frame, CancellationToken cancellationToken)
        {
            await _sending.WaitAsync(cancellationToken);
            try
            {
                if (socket.State == WebSocketState.Open)
                {
                    await socket.SendAsync(frame.Bytes, frame.Type, endOfMessage: true, cancellationToken);
                }
            }
            catch (WebSocketException)
            {
                // The client went away; ComfyUI drops the message too.
            }
            finally
            {
                _sending.Release();
            }
        }
    }
}
