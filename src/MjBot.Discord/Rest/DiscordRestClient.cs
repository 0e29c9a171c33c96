using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MjBot.Discord.Models;

namespace MjBot.Discord.Rest;

/// <summary>Sends REST requests the way Discord asks: bot authorization, a <c>DiscordBot (url, version)</c>
/// User-Agent, waits decided by the <see cref="RateLimitTracker"/>, 429s and 5xx answers retried (429s after the
/// time Discord names, 5xx with exponential backoff), and every other refusal raised as a typed
/// <see cref="DiscordApiException"/>.</summary>
public sealed partial class DiscordRestClient
{
    /// <summary>The User-Agent Discord requires of bots.</summary>
    public const string UserAgent = "DiscordBot (https://github.com/mjbot/mjbot, 0.1)";

    private readonly HttpClient _http;
    private readonly RateLimitTracker _limits;
    private readonly TimeProvider _time;
    private readonly DiscordOptions _options;
    private readonly RouteGate _routes = new();

    public DiscordRestClient(HttpClient http, RateLimitTracker limits, TimeProvider time, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Token);
        _http = http;
        _limits = limits;
        _time = time;
        _options = options;
    }

    /// <summary>Sends a request with an optional JSON body and reads the JSON answer.</summary>
    /// <typeparam name="TBody">The body's type.</typeparam>
    /// <typeparam name="TResult">The answer's type.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="route">The route, for rate limits and messages.</param>
    /// <param name="path">The path with its values filled in, relative to the base address.</param>
    /// <param name="body">The body, or <see langword="null"/>.</param>
    /// <param name="bodyType">The body's JSON metadata.</param>
    /// <param name="resultType">The answer's JSON metadata.</param>
    /// <param name="cancellationToken">Cancels waiting and sending.</param>
    /// <returns>The answer.</returns>
    public async Task<TResult> SendAsync<TBody, TResult>(
        HttpMethod method, RouteKey route, string path, TBody? body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
    {
        using var response = await SendWithRetriesAsync(method, route, path, body is null ? null : () => JsonContent.Create(body, bodyType), cancellationToken);
        return await response.Content.ReadFromJsonAsync(resultType, cancellationToken)
            ?? throw new DiscordApiException((int)response.StatusCode, Describe(route), null);
    }

    /// <summary>Sends a request with an optional JSON body and no answer body (204).</summary>
    /// <typeparam name="TBody">The body's type.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="route">The route.</param>
    /// <param name="path">The path with its values filled in.</param>
    /// <param name="body">The body, or <see langword="null"/>.</param>
    /// <param name="bodyType">The body's JSON metadata.</param>
    /// <param name="cancellationToken">Cancels waiting and sending.</param>
    /// <returns>A task that completes when Discord accepted the request.</returns>
    public async Task SendAsync<TBody>(HttpMethod method, RouteKey route, string path, TBody? body, JsonTypeInfo<TBody> bodyType, CancellationToken cancellationToken)
    {
        using var response = await SendWithRetriesAsync(method, route, path, body is null ? null : () => JsonContent.Create(body, bodyType), cancellationToken);
    }

    /// <summary>Sends a request without a body and reads the JSON answer.</summary>
    /// <typeparam name="TResult">The answer's type.</typeparam>
    /// <param name="method">The HTTP method.</param>
    /// <param name="route">The route.</param>
    /// <param name="path">The path with its values filled in.</param>
    /// <param name="resultType">The answer's JSON metadata.</param>
    /// <param name="cancellationToken">Cancels waiting and sending.</param>
    /// <returns>The answer.</returns>
    public async Task<TResult> SendAsync<TResult>(HttpMethod method, RouteKey route, string path, JsonTypeInfo<TResult> resultType, CancellationToken cancellationToken)
    {
        using var response = await SendWithRetriesAsync(method, route, path, null, cancellationToken);
        return await response.Content.ReadFromJsonAsync(resultType, cancellationToken)
            ?? throw new DiscordApiException((int)response.StatusCode, Describe(route), null);
    }

    /// <summary>Sends a request without a body or an answer (DELETE).</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="route">The route.</param>
    /// <param name="path">The path with its values filled in.</param>
    /// <param name="cancellationToken">Cancels waiting and sending.</param>
    /// <returns>A task that completes when Discord accepted the request.</returns>
    public async Task SendAsync(HttpMethod method, RouteKey route, string path, CancellationToken cancellationToken)
    {
        using var response = await SendWithRetriesAsync(method, route, path, null, cancellationToken);
    }

    // Message bodies are serialised with their runtime type's metadata (a callback, a channel message …); with files
    // they go as multipart form data: payload_json plus files[n], each matched by an attachment id.
    private async Task<Message> SendMessageAsync(HttpMethod method, RouteKey route, string path, MessageBody body, IReadOnlyList<UploadFile>? files, long fileLimitBytes, CancellationToken cancellationToken)
    {
        var typeInfo = DiscordJsonContext.Default.GetTypeInfo(body.GetType())
            ?? throw new InvalidOperationException($"{body.GetType().Name} has no JSON metadata in DiscordJsonContext.");
        files ??= [];
        if (files.Count > 0)
        {
            // A with-expression through the base record clones the runtime type.
            body = body with { Attachments = UploadFile.Descriptors(files) };
        }

        MessageLimits.Check(body, files, fileLimitBytes);
        var json = JsonSerializer.Serialize(body, typeInfo);
        using var response = await SendWithRetriesAsync(method, route, path, () => Body(json, files), cancellationToken);
        return await response.Content.ReadFromJsonAsync(DiscordJsonContext.Default.Message, cancellationToken)
            ?? throw new DiscordApiException((int)response.StatusCode, Describe(route), null);
    }

    // JSON alone, or multipart form data when there are files.
    private static HttpContent Body(string json, IReadOnlyList<UploadFile> files) =>
        files.Count > 0 ? Multipart(json, files) : new StringContent(json, System.Text.Encoding.UTF8, "application/json");

    private static MultipartFormDataContent Multipart(string payloadJson, IReadOnlyList<UploadFile> files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(payloadJson, System.Text.Encoding.UTF8, "application/json"), "payload_json" },
        };
        for (var i = 0; i < files.Count; i++)
        {
            var part = new ReadOnlyMemoryContent(files[i].Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(files[i].ContentType);
            form.Add(part, $"files[{i}]", files[i].FileName);
        }

        return form;
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(HttpMethod method, RouteKey route, string path, Func<HttpContent>? content, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            using (await _routes.EnterAsync(route, cancellationToken))
            {
                await WaitForLimitsAsync(route, cancellationToken);
                using var request = new HttpRequestMessage(method, new Uri(_options.ApiBaseAddress, path)) { Content = content?.Invoke() };
                if (!route.IsInteractionEndpoint)
                {
                    // Interaction endpoints are authenticated by the token in their path; the bot token stays home.
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
                }

                request.Headers.UserAgent.ParseAdd(UserAgent);
                response = await _http.SendAsync(request, cancellationToken);
                DiscordMetrics.Answered(route, (int)response.StatusCode);
                var rateLimitBody = (int)response.StatusCode == 429 ? await ReadAsync(response, DiscordJsonContext.Default.RateLimitResponse, cancellationToken) : null;
                _limits.Update(route, ReadHeaders(response, rateLimitBody));
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            var status = (int)response.StatusCode;
            var retryable = status == 429 || status >= 500;
            if (!retryable || attempt >= _options.MaxRetries)
            {
                var error = status == 429 ? null : await ReadAsync(response, DiscordJsonContext.Default.DiscordErrorResponse, cancellationToken);
                response.Dispose();
                throw new DiscordApiException(status, Describe(route), error);
            }

            response.Dispose();
            if (status >= 500)
            {
                // Discord's 5xx answers carry no wait; back off 0.5 s, 1 s, 2 s ….
                await Task.Delay(TimeSpan.FromMilliseconds(500 * (1 << attempt)), _time, cancellationToken);
            }
        }
    }

    private async Task WaitForLimitsAsync(RouteKey route, CancellationToken cancellationToken)
    {
        for (var wait = _limits.Reserve(route); wait > TimeSpan.Zero; wait = _limits.Reserve(route))
        {
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken);
        }
        catch (JsonException)
        {
            // A non-conforming error body (a proxy's HTML page, say) leaves only the status to report.
            return null;
        }
    }

    private static RateLimitHeaders ReadHeaders(HttpResponseMessage response, RateLimitResponse? body)
    {
        string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
        double? Number(string name) => double.TryParse(Header(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
        return new RateLimitHeaders(
            (int)response.StatusCode,
            Header("X-RateLimit-Bucket"),
            (int?)Number("X-RateLimit-Remaining"),
            Number("X-RateLimit-Reset-After"),
            body?.RetryAfter ?? Number("Retry-After"),
            body?.Global == true || Header("X-RateLimit-Global") == "true",
            Header("X-RateLimit-Scope"));
    }

    private static string Describe(RouteKey route) => $"{route.Method} {route.Template}";
}
