using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace MjBot.ModelHub;

/// <summary>The hub's HTTP API, as <c>huggingface_hub</c> uses it: <c>GET /api/models/{repo}/revision/{rev}</c> for the
/// commit a revision points at, <c>GET /api/models/{repo}/tree/{commit}?recursive=true</c> for the file list (paged
/// through <c>Link: &lt;…&gt;; rel="next"</c>), and <c>GET /{repo}/resolve/{commit}/{path}</c> for a file, which
/// redirects large files to a storage host. The token goes to the hub's own host only: redirects are followed here,
/// and a hop to another host carries no <c>Authorization</c>.</summary>
public sealed class HubClient
{
    private const int MaxRedirects = 10;
    private const int MaxPages = 1000;

    private readonly HttpClient _http;
    private readonly ModelHubOptions _options;
    private readonly Uri _base;
    private readonly TimeProvider _time;

    /// <summary>Initializes a client over <paramref name="http"/>, whose handler must not follow redirects itself.</summary>
    public HubClient(HttpClient http, ModelHubOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _http = http;
        _options = options;
        _base = options.BaseAddress;
        _time = time;
    }

    /// <summary>Gets the commit <paramref name="repository"/>'s revision points at now (so every file comes from the
    /// same one, even when the branch moves during the download).</summary>
    public async Task<string> ResolveCommitAsync(HubRepository repository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var address = new Uri(_base, $"api/models/{RepoPath(repository.Id)}/revision/{Uri.EscapeDataString(repository.Revision)}");
        var (document, _) = await GetJsonAsync(address, repository, cancellationToken);
        using var answer = document;
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("sha", out var sha) && sha.ValueKind == JsonValueKind.String && sha.GetString() is { Length: > 0 } commit
            ? commit
            : throw new HubRequestException($"The hub's answer for {repository} names no commit (\"sha\"); is ModelHub:Endpoint ({_base}) a Hugging Face Hub?");
    }

    /// <summary>Lists every file of the repo at <paramref name="commit"/>, all pages.</summary>
    public async Task<IReadOnlyList<HubFile>> ListFilesAsync(HubRepository repository, string commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var files = new List<HubFile>();
        Uri? page = new(_base, $"api/models/{RepoPath(repository.Id)}/tree/{Uri.EscapeDataString(commit)}?recursive=true&expand=false");
        for (var pages = 0; page is not null; pages++)
        {
            if (pages == MaxPages)
            {
                throw new HubRequestException($"{repository}'s file list runs past {MaxPages} pages; this is not a model export.");
            }

            var (document, next) = await GetJsonAsync(page, repository, cancellationToken);
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Array)
                {
                    throw new HubRequestException($"The hub's file list for {repository} is not a JSON array; is ModelHub:Endpoint ({_base}) a Hugging Face Hub?");
                }

                files.AddRange(document.RootElement.EnumerateArray().Select(TreeEntry).OfType<HubFile>());
            }

            page = next;
        }

        return files;
    }

    /// <summary>Opens <paramref name="path"/> at <paramref name="commit"/> from byte <paramref name="offset"/> (a
    /// <c>Range</c> request when above 0), following redirects. The caller checks whether the answer is 206 or a whole
    /// 200.</summary>
    internal Task<HttpResponseMessage> OpenFileAsync(HubRepository repository, string commit, string path, long offset, CancellationToken cancellationToken)
    {
        var escaped = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        var address = new Uri(_base, $"{RepoPath(repository.Id)}/resolve/{Uri.EscapeDataString(commit)}/{escaped}");
        return SendAsync(address, offset, repository, path, cancellationToken);
    }

    private static string RepoPath(string id) => string.Join('/', id.Split('/').Select(Uri.EscapeDataString));

    private async Task<HttpResponseMessage> SendAsync(Uri address, long offset, HubRepository repository, string? file, CancellationToken cancellationToken)
    {
        var token = _options.EffectiveToken;
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            request.Headers.UserAgent.Add(new ProductInfoHeaderValue("mjbot", typeof(HubClient).Assembly.GetName().Version?.ToString(3) ?? "1.0"));
            // The real size, not a compressed one: the hub gzips text files for clients that ask.
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("identity"));
            if (offset > 0)
            {
                request.Headers.Range = new RangeHeaderValue(offset, null);
            }

            var sameHost = string.Equals(address.GetLeftPart(UriPartial.Authority), _base.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
            if (token is not null && sameHost)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw HubErrors.Unreachable(address, ex);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw HubErrors.Unreachable(address, ex);
            }

            if (HubErrors.IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                response.Dispose();
                if (hop == MaxRedirects)
                {
                    throw new HubRequestException($"The hub redirected {repository} {file} more than {MaxRedirects} times.");
                }

                address = location.IsAbsoluteUri ? location : new Uri(address, location);
                continue;
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                throw await HubErrors.DescribeAsync(response, repository, file, token is not null && sameHost, cancellationToken);
            }
        }
    }

    /// <summary>GETs a JSON answer and the <c>rel="next"</c> page it names, retrying transient failures as
    /// downloads do.</summary>
    private async Task<(JsonDocument Document, Uri? Next)> GetJsonAsync(Uri address, HubRepository repository, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await SendAsync(address, 0, repository, null, cancellationToken);
                return (await ReadJsonAsync(response, repository, cancellationToken), NextPage(response, response.RequestMessage?.RequestUri ?? address));
            }
            catch (HubRequestException ex) when (ex.Transient && attempt <= _options.Retries)
            {
                await Task.Delay(_options.Backoff(attempt, ex.RetryAfter), _time, cancellationToken);
            }
        }
    }

    private async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, HubRepository repository, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new HubRequestException($"The hub's answer for {repository} is not JSON ({ex.Message}); is ModelHub:Endpoint ({_base}) a Hugging Face Hub?", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw HubErrors.Unreachable(response.RequestMessage?.RequestUri ?? _base, ex);
        }
    }

    private static HubFile? TreeEntry(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("type", out var type) || type.GetString() != "file"
            || !entry.TryGetProperty("path", out var path) || path.GetString() is not { Length: > 0 } filePath
            || !entry.TryGetProperty("oid", out var oid) || oid.GetString() is not { } blob)
        {
            return null;
        }

        var size = entry.TryGetProperty("size", out var s) && s.TryGetInt64(out var n) ? n : -1;
        string? sha256 = null;
        if (entry.TryGetProperty("lfs", out var lfs) && lfs.ValueKind == JsonValueKind.Object)
        {
            sha256 = lfs.TryGetProperty("oid", out var lfsOid) ? lfsOid.GetString()?.ToLowerInvariant() : null;
            size = lfs.TryGetProperty("size", out var lfsSize) && lfsSize.TryGetInt64(out var m) ? m : size;
        }

        return size < 0 ? null : new HubFile(filePath, size, blob.ToLowerInvariant(), sha256);
    }

    /// <summary>The <c>rel="next"</c> target of the <c>Link</c> header (RFC 8288), resolved against the page.</summary>
    internal static Uri? NextPage(HttpResponseMessage response, Uri page)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var link in values.SelectMany(static v => v.Split(',')))
        {
            var open = link.IndexOf('<', StringComparison.Ordinal);
            var close = link.IndexOf('>', StringComparison.Ordinal);
            if (open < 0 || close < open)
            {
                continue;
            }

            var parameters = link[(close + 1)..].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parameters.Any(static p => p.Replace(" ", string.Empty, StringComparison.Ordinal) is "rel=\"next\"" or "rel=next"))
            {
                var target = link[(open + 1)..close];
                return Uri.TryCreate(page, target, out var next) ? next : null;
            }
        }

        return null;
    }

    internal static bool IsPartial(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.PartialContent;
}
