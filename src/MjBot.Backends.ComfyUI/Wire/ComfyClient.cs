using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MjBot.Core.Generation;

namespace MjBot.Backends.ComfyUI.Wire;

/// <summary>One ComfyUI server's HTTP API (ComfyUI server.py): health and discovery (<c>/system_stats</c>,
/// <c>/queue</c>, <c>/models/{folder}</c>, <c>/object_info</c>), <c>/upload/image</c>, <c>/prompt</c>,
/// <c>/history/{id}</c>, <c>/view</c>, <c>/interrupt</c> and queue deletion. A transport failure or a 5xx is a
/// <see cref="ServerUnavailableException"/>; the configured header goes with every request.</summary>
internal sealed class ComfyClient(HttpClient http, ComfyServerOptions server)
{
    private readonly Uri _base = server.BaseUri;

    /// <summary>Gets the server's address as configured (no header, no secret).</summary>
    public string Address => server.Url;

    public ComfyServerOptions Server => server;

    public async Task<ServerStats> StatsAsync(CancellationToken cancellationToken)
    {
        var stats = await GetJsonAsync("system_stats", cancellationToken) as JsonObject ?? throw new ServerUnavailableException("/system_stats is not a JSON object");
        var version = stats["system"]?["comfyui_version"]?.GetValue<string>() ?? "unknown";
        var devices = stats["devices"] is JsonArray list ? list.Select(static d => d?["name"]?.GetValue<string>() ?? "?").ToList() : [];
        return new ServerStats(version, devices);
    }

    public async Task<QueueState> QueueAsync(CancellationToken cancellationToken)
    {
        var queue = await GetJsonAsync("queue", cancellationToken);
        return new QueueState(Ids(queue?["queue_running"]), Ids(queue?["queue_pending"]));
    }

    /// <summary>Gets the files of a model folder (<c>checkpoints</c>, <c>loras</c> …), with Windows servers' <c>\</c>
    /// as <c>/</c>; an unknown folder (404) is empty.</summary>
    public async Task<IReadOnlyList<string>> ModelsAsync(string folder, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "models/" + Uri.EscapeDataString(folder)), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        var files = await ReadJsonAsync(response, cancellationToken) as JsonArray;
        return files is null ? [] : [.. files.Select(static f => f?.GetValue<string>() ?? string.Empty).Where(static f => f.Length > 0)];
    }

    public async Task<NodeCatalogue> ObjectInfoAsync(CancellationToken cancellationToken) =>
        NodeCatalogue.Read(await GetJsonAsync("object_info", cancellationToken) as JsonObject ?? []);

    /// <summary>Uploads an input image under <paramref name="name"/> (overwriting an earlier upload of that name);
    /// returns the name the graph's LoadImage uses.</summary>
    public async Task<string> UploadImageAsync(byte[] png, string name, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "image", name);
        form.Add(new StringContent("input"), "type");
        form.Add(new StringContent("true"), "overwrite");
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "upload/image") { Content = form }, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // A 4xx is about this image (its size past a proxy's limit, a body the server cannot read), not the server.
            throw GenerationException.Of("failure.comfy_upload_refused", retryable: false, ("status", (int)response.StatusCode));
        }

        var answer = await ReadJsonAsync(response, cancellationToken);
        var saved = answer?["name"]?.GetValue<string>() ?? name;
        var subfolder = answer?["subfolder"]?.GetValue<string>();
        return string.IsNullOrEmpty(subfolder) ? saved : subfolder + "/" + saved;
    }

    /// <summary>Queues a prompt under our prompt id and client id; returns null when accepted, else why not.</summary>
    public async Task<PromptRejection?> SubmitAsync(JsonObject graph, string clientId, string promptId, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["prompt"] = graph.DeepClone(),
            ["client_id"] = clientId,
            ["prompt_id"] = promptId,
            ["extra_data"] = new JsonObject { ["preview_method"] = "auto" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "prompt") { Content = Json(body) };
        using var response = await SendAsync(request, cancellationToken);
        var answer = await ReadJsonAsync(response, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            // 200 with node_errors: some outputs were refused and only the rest were queued; ours must all run.
            return answer?["node_errors"] is JsonObject { Count: > 0 } ? PromptRejection.Read(answer) with { Queued = true } : null;
        }

        return PromptRejection.Read(answer);
    }

    /// <summary>Gets the prompt's history entry, or null while it is not finished (or unknown to this server).</summary>
    public async Task<HistoryEntry?> HistoryAsync(string promptId, CancellationToken cancellationToken)
    {
        var history = await GetJsonAsync("history/" + Uri.EscapeDataString(promptId), cancellationToken);
        return history?[promptId] is JsonObject entry ? HistoryEntry.Read(entry) : null;
    }

    public async Task<byte[]> ViewAsync(ImageRef image, CancellationToken cancellationToken)
    {
        var query = $"view?filename={Uri.EscapeDataString(image.Filename)}&subfolder={Uri.EscapeDataString(image.Subfolder)}&type={Uri.EscapeDataString(image.Type)}";
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, query), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // 404 (the file was deleted) or 400 (a name it will not serve): this job's output, not the server, is gone.
            throw GenerationException.Of("failure.comfy_output_missing", retryable: true, ("file", image.Filename));
        }

        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>Interrupts the prompt if the queue says it is the one running, and removes it from the queue if it
    /// waits. The queue is read first because servers before 2025-09 ignore <c>/interrupt</c>'s prompt id and stop
    /// whatever runs: another client's work is never stopped.</summary>
    public async Task CancelAsync(string promptId, CancellationToken cancellationToken)
    {
        if ((await QueueAsync(cancellationToken)).Running.Contains(promptId))
        {
            using var interrupt = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "interrupt") { Content = Json(new JsonObject { ["prompt_id"] = promptId }) }, cancellationToken);
        }

        using var delete = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "queue") { Content = Json(new JsonObject { ["delete"] = new JsonArray(promptId) }) }, cancellationToken);
    }

    /// <summary>Removes the prompt's history entry (<c>POST /history {"delete"}</c>), so that a new run under the same
    /// prompt id is never answered by the entry of an earlier, failed one.</summary>
    public async Task ForgetAsync(string promptId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, "history") { Content = Json(new JsonObject { ["delete"] = new JsonArray(promptId) }) }, cancellationToken);
    }

    /// <summary>Gets the WebSocket address for a client id (ws:// or wss:// after the server's scheme).</summary>
    public Uri SocketUri(string clientId)
    {
        var builder = new UriBuilder(new Uri(_base, "ws?clientId=" + Uri.EscapeDataString(clientId)));
        builder.Scheme = builder.Scheme == "https" ? "wss" : "ws";
        return builder.Uri;
    }

    private async Task<JsonNode?> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ServerUnavailableException($"/{path} answered {(int)response.StatusCode}");
        }

        return await ReadJsonAsync(response, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.RequestUri = new Uri(_base, request.RequestUri!.OriginalString);
        if (server.HeaderName is { Length: > 0 } header)
        {
            request.Headers.TryAddWithoutValidation(header, server.HeaderValue);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ServerUnavailableException(ex.Message, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServerUnavailableException("no answer within " + http.Timeout.TotalSeconds + " s", ex);
        }
        finally
        {
            request.Dispose();
        }

        if ((int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new ServerUnavailableException(status is 401 or 403 ? $"answered {status} (check the server's HeaderName/HeaderValue)" : $"answered {status}");
        }

        return response;
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (text.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new ServerUnavailableException("answered something that is not JSON (is this a ComfyUI server?)", ex);
        }
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static List<string> Ids(JsonNode? items) =>
        items is JsonArray list
            ? [.. list.OfType<JsonArray>().Where(static i => i.Count > 1).Select(static i => i[1]?.GetValue<string>() ?? string.Empty)]
            : [];
}
