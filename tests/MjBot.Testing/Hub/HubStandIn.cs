using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MjBot.Testing.Hub;

/// <summary>A loopback stand-in for the Hugging Face Hub's download API (test-only), as huggingface_hub and
/// huggingface.js use it, with its quirks: <c>/api/models/{repo}/revision/{rev}</c> (the commit as <c>sha</c>),
/// <c>/api/models/{repo}/tree/{rev}?recursive=true</c> (files and directories; LFS files carry <c>lfs</c> {oid, size,
/// pointerSize} and an <c>oid</c> that is the pointer's git blob id; paged with a cursor in <c>Link: &lt;…&gt;;
/// rel="next"</c>), and <c>/{repo}/resolve/{rev}/{path}</c>: small files answered directly with <c>ETag</c> and
/// <c>X-Repo-Commit</c>, LFS files redirected (302) to a second loopback server standing in for the storage CDN with a
/// signed URL and <c>X-Linked-Etag</c>/<c>X-Linked-Size</c>. Revisions in paths are URL-encoded (<c>refs%2Fpr%2F1</c>).
/// Errors carry <c>X-Error-Code</c> and a JSON body: an unknown or unseen private repo is 401 <c>RepoNotFound</c>, a
/// gated repo 401 (no token) or 403 (not granted) <c>GatedRepo</c>, 404 <c>RevisionNotFound</c> and
/// <c>EntryNotFound</c>. A renamed repo answers a relative 307 to its new name. The storage server, like S3 with a
/// presigned URL, refuses a request that also carries <c>Authorization</c> (400), and honours <c>Range</c> (206).
/// Tests can drop a transfer after N bytes, corrupt one, ignore ranges, or rate-limit.</summary>
public sealed class HubStandIn : IAsyncDisposable
{
    public const string Token = "hf_StandInTokenAbCdEfGhIjKlMnOpQrStUvWxYz01";

    private static readonly string[] LfsPatterns = [".onnx", ".onnx_data", ".pb", ".safetensors", ".bin", ".ckpt", ".msgpack", ".h5", ".png"];

    private readonly ConcurrentDictionary<string, Dictionary<string, string>> _branches = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HubStandInCommit> _commits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _renamed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<string>> _gated = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _dropAfter = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _stallAfter = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _corrupt = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<int> _rateLimits = new();
    private LoopbackHttpServer _hub = null!;
    private LoopbackHttpServer _storage = null!;
    private int _commitCounter;

    private HubStandIn()
    {
    }

    /// <summary>Gets the hub's address (what ModelHub:Endpoint names).</summary>
    public Uri Endpoint => _hub.Address;

    /// <summary>Gets the storage server's address.</summary>
    public Uri Storage => _storage.Address;

    public ConcurrentQueue<RecordedRequest> HubRequests => _hub.Requests;

    public ConcurrentQueue<RecordedRequest> StorageRequests => _storage.Requests;

    /// <summary>Gets or sets how many entries a tree page holds (the hub's own page size is 1000 for plain listings; a
    /// small one here makes tests walk several pages).</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>Gets or sets whether the storage server answers <c>Range</c> with 206 (else it sends the whole file).</summary>
    public bool HonourRange { get; set; } = true;

    public static async Task<HubStandIn> StartAsync()
    {
        var standIn = new HubStandIn();
        standIn._storage = await LoopbackHttpServer.StartAsync(standIn.ServeStorageAsync);
        standIn._hub = await LoopbackHttpServer.StartAsync(standIn.ServeHubAsync);
        return standIn;
    }

    /// <summary>Commits <paramref name="files"/> as the whole content of <paramref name="repo"/>'s
    /// <paramref name="branch"/>; returns the commit id. Binary extensions go to LFS, as the hub's default
    /// .gitattributes puts them.</summary>
    public string Push(string repo, IReadOnlyDictionary<string, byte[]> files, string branch = "main")
    {
        var sha = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes($"{repo}:{branch}:{Interlocked.Increment(ref _commitCounter)}")));
        _commits[sha] = new HubStandInCommit(sha, files, static p => LfsPatterns.Any(e => p.EndsWith(e, StringComparison.Ordinal)));
        var branches = _branches.GetOrAdd(repo, static _ => new Dictionary<string, string>(StringComparer.Ordinal));
        lock (branches)
        {
            branches[branch] = sha;
        }

        return sha;
    }

    /// <summary>Gates <paramref name="repo"/>: only <paramref name="granted"/> tokens may read it.</summary>
    public void Gate(string repo, params string[] granted) => _gated[repo] = [.. granted];

    /// <summary>Renames a repo: its old id redirects.</summary>
    public void Rename(string oldId, string newId)
    {
        _renamed[oldId] = newId;
        _branches[newId] = _branches[oldId];
        _branches.TryRemove(oldId, out _);
    }

    /// <summary>The next transfer of <paramref name="path"/> stops after <paramref name="bytes"/> bytes: the connection
    /// is reset, so how many of them arrive is up to the network stacks (possibly none).</summary>
    public void DropOnce(string path, long bytes) => _dropAfter[path] = bytes;

    /// <summary>The next transfer of <paramref name="path"/> sends <paramref name="bytes"/> bytes and then nothing, holding
    /// the connection open until the client gives up on it (a stalled download). Unlike a reset, every byte sent
    /// arrives.</summary>
    public void StallOnce(string path, long bytes) => _stallAfter[path] = bytes;

    /// <summary>The next <paramref name="times"/> transfers of <paramref name="path"/> have one byte flipped.</summary>
    public void Corrupt(string path, int times = 1) => _corrupt[path] = times;

    /// <summary>The next <paramref name="count"/> hub requests get 429 with <c>Retry-After: 0</c>.</summary>
    public void RateLimit(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _rateLimits.Enqueue(429);
        }
    }

    /// <summary>Reads a folder's files as repo content, paths with <c>/</c> under <paramref name="prefix"/>.</summary>
    public static Dictionary<string, byte[]> FilesOf(string folder, string prefix = "") =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => prefix + Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes, StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _storage.DisposeAsync();
    }

    private async Task ServeHubAsync(HttpContext context, RecordedRequest request)
    {
        if (_rateLimits.TryDequeue(out var status))
        {
            context.Response.Headers.RetryAfter = "0";
            context.Response.Headers["RateLimit"] = "\"api\";r=0;t=0";
            context.Response.Headers["RateLimit-Policy"] = "\"fixed window\";\"api\";q=500;w=300";
            await ErrorAsync(context, status, null, "You have been rate-limited; you can retry this action in about 5 minutes.");
            return;
        }

        // PathString keeps %2F encoded: split on real slashes, then decode each segment.
        var segments = context.Request.Path.Value!.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        if (segments is ["api", "models", var o, var n, ..] && _renamed.TryGetValue($"{o}/{n}", out var newId))
        {
            // A renamed repo's API answers a relative 307 (text/plain) to its new id.
            var target = $"/api/models/{newId}/{string.Join('/', context.Request.Path.Value!.Trim('/').Split('/')[4..])}{context.Request.QueryString}";
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = target;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"Temporary Redirect. Redirecting to {target}");
            return;
        }

        if (segments is ["api", "models", var owner, var name, "revision", var revision])
        {
            await RevisionAsync(context, $"{owner}/{name}", revision);
        }
        else if (segments is ["api", "models", var treeOwner, var treeName, "tree", var treeRevision, ..])
        {
            await TreeAsync(context, $"{treeOwner}/{treeName}", treeRevision, string.Join('/', segments[6..]));
        }
        else if (segments is [var fileOwner, var fileName, "resolve", var fileRevision, _, ..])
        {
            await ResolveAsync(context, $"{fileOwner}/{fileName}", fileRevision, string.Join('/', segments[4..]));
        }
        else
        {
            await ErrorAsync(context, 404, null, "Sorry, we can't find the page you are looking for.");
        }
    }

    private async Task RevisionAsync(HttpContext context, string repo, string revision)
    {
        if (await RefuseAsync(context, repo, revision) is not { } commit)
        {
            return;
        }

        var body = new JsonObject
        {
            ["_id"] = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(repo)))[..24],
            ["id"] = repo,
            ["modelId"] = repo,
            ["sha"] = commit.Sha,
            ["private"] = false,
            ["gated"] = _gated.ContainsKey(repo) ? "manual" : false,
            ["disabled"] = false,
            ["library_name"] = "diffusers",
            ["siblings"] = new JsonArray([.. commit.Files.Keys.Order(StringComparer.Ordinal).Select(static p => (JsonNode)new JsonObject { ["rfilename"] = p })]),
        };
        await JsonAsync(context, body);
    }

    private async Task TreeAsync(HttpContext context, string repo, string revision, string under)
    {
        if (await RefuseAsync(context, repo, revision) is not { } commit)
        {
            return;
        }

        var recursive = context.Request.Query["recursive"] is var r && (r == "true" || r == "1" || r == "True");
        var prefix = under.Length == 0 ? string.Empty : under.TrimEnd('/') + "/";
        var entries = new List<JsonObject>();
        var directories = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in commit.Files.Values.Where(f => f.Path.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(static f => f.Path, StringComparer.Ordinal))
        {
            var rest = file.Path[prefix.Length..];
            var parts = rest.Split('/');
            for (var i = 1; i < parts.Length; i++)
            {
                directories.Add(prefix + string.Join('/', parts[..i]));
            }

            if (!recursive && parts.Length > 1)
            {
                continue;
            }

            var entry = new JsonObject { ["type"] = "file", ["oid"] = file.GitBlobId, ["size"] = file.Content.Length, ["path"] = file.Path };
            if (file.Sha256 is not null)
            {
                entry["lfs"] = new JsonObject { ["oid"] = file.Sha256, ["size"] = file.Content.Length, ["pointerSize"] = file.Pointer!.Length };
            }

            entries.Add(entry);
        }

        var shownDirectories = directories.Where(d => recursive || !d[prefix.Length..].Contains('/', StringComparison.Ordinal))
            .Select(static d => new JsonObject { ["type"] = "directory", ["oid"] = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(d))), ["size"] = 0, ["path"] = d });
        var all = shownDirectories.Concat(entries).ToList();
        var start = int.TryParse(context.Request.Query["cursor"], NumberStyles.None, CultureInfo.InvariantCulture, out var cursor) ? cursor : 0;
        var page = all.Skip(start).Take(PageSize).ToList();
        if (start + PageSize < all.Count)
        {
            var next = new Uri(_hub.Address, $"api/models/{repo}/tree/{Uri.EscapeDataString(revision)}{(under.Length == 0 ? string.Empty : "/" + under)}?recursive={(recursive ? "true" : "false")}&cursor={start + PageSize}");
            context.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        }

        await JsonAsync(context, new JsonArray([.. page.Select(static e => (JsonNode)e)]));
    }

    private async Task ResolveAsync(HttpContext context, string repo, string revision, string path)
    {
        if (_renamed.TryGetValue(repo, out var renamed))
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = $"/{renamed}/resolve/{Uri.EscapeDataString(revision)}/{path}";
            return;
        }

        if (await RefuseAsync(context, repo, revision) is not { } commit)
        {
            return;
        }

        if (!commit.Files.TryGetValue(path, out var file))
        {
            context.Response.Headers["X-Repo-Commit"] = commit.Sha;
            await ErrorAsync(context, 404, "EntryNotFound", $"{path} does not exist on \"{revision}\"");
            return;
        }

        context.Response.Headers["X-Repo-Commit"] = commit.Sha;
        context.Response.Headers.ETag = $"\"{file.GitBlobId}\"";
        if (file.Sha256 is not null)
        {
            context.Response.Headers["X-Linked-Etag"] = $"\"{file.Sha256}\"";
            context.Response.Headers["X-Linked-Size"] = file.Content.Length.ToString(CultureInfo.InvariantCulture);
            context.Response.StatusCode = 302;
            var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
            context.Response.Headers.Location = new Uri(_storage.Address, $"repos/{file.Sha256[..2]}/{file.Sha256[2..4]}/{file.Sha256}?response-content-disposition=inline%3B+filename%3D%22{Uri.EscapeDataString(Path.GetFileName(path))}%22&Expires={expires}&Signature={Sign(file.Sha256, expires)}&Key-Pair-Id=K3ESJI6DHPFC7").ToString();
            return;
        }

        if (context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.Ordinal))
        {
            // The hub gzips text files for clients that accept it, chunked, with no Content-Length.
            context.Response.Headers.ContentEncoding = "gzip";
            await using var gzip = new System.IO.Compression.GZipStream(context.Response.Body, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true);
            await gzip.WriteAsync(file.Content);
            return;
        }

        await SendContentAsync(context, file, honourRange: true);
    }

    /// <summary>Answers for a repo the caller may not see or a revision it lacks, the way the hub does; returns the
    /// commit when the request may go on.</summary>
    private async Task<HubStandInCommit?> RefuseAsync(HttpContext context, string repo, string revision)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
        if (token is not null && !token.StartsWith("hf_", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 401, null, "Invalid credentials in Authorization header");
            return null;
        }

        if (!_branches.TryGetValue(repo, out var branches))
        {
            await ErrorAsync(context, 401, "RepoNotFound", "Repository not found");
            return null;
        }

        if (_gated.TryGetValue(repo, out var granted) && (token is null || !granted.Contains(token)))
        {
            await ErrorAsync(context, token is null ? 401 : 403, "GatedRepo", token is null
                ? $"Access to model {repo} is restricted. You must have access to it and be authenticated to access it. Please log in."
                : $"Access to model {repo} is restricted and you are not in the authorized list. Visit https://huggingface.co/{repo} to ask for access.");
            return null;
        }

        string? sha;
        lock (branches)
        {
            sha = branches.TryGetValue(revision, out var head) ? head : null;
        }

        sha ??= _commits.TryGetValue(revision, out var direct) && branches.ContainsValue(direct.Sha) || _commits.ContainsKey(revision) ? revision : null;
        if (sha is null || !_commits.TryGetValue(sha, out var commit))
        {
            await ErrorAsync(context, 404, "RevisionNotFound", $"Invalid rev id: {revision}");
            return null;
        }

        return commit;
    }

    private async Task ServeStorageAsync(HttpContext context, RecordedRequest request)
    {
        if (context.Request.Headers.ContainsKey("Authorization"))
        {
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified</Message></Error>");
            return;
        }

        var sha = context.Request.Path.Value!.Split('/')[^1];
        var file = _commits.Values.SelectMany(static c => c.Files.Values).FirstOrDefault(f => f.Sha256 == sha);
        if (file is null || !long.TryParse(context.Request.Query["Expires"], out var expires) || context.Request.Query["Signature"] != Sign(sha, expires))
        {
            context.Response.StatusCode = 403;
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Access denied</Message></Error>");
            return;
        }

        await SendContentAsync(context, file, HonourRange);
    }

    private async Task SendContentAsync(HttpContext context, HubStandInFile file, bool honourRange)
    {
        var content = file.Content;
        if (_corrupt.TryGetValue(file.Path, out var left) && left > 0 && content.Length > 0)
        {
            _corrupt[file.Path] = left - 1;
            content = [.. content];
            content[content.Length / 2] ^= 0x5A;
        }

        long start = 0;
        var range = context.Request.Headers.Range.ToString();
        if (honourRange && range.StartsWith("bytes=", StringComparison.Ordinal) && range.EndsWith('-')
            && long.TryParse(range["bytes=".Length..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var from))
        {
            if (from >= content.Length)
            {
                context.Response.StatusCode = 416;
                context.Response.Headers.ContentRange = $"bytes */{content.Length}";
                return;
            }

            start = from;
            context.Response.StatusCode = 206;
            context.Response.Headers.ContentRange = $"bytes {from}-{content.Length - 1}/{content.Length}";
        }

        context.Response.Headers.AcceptRanges = "bytes";
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = content.Length - start;
        if (_dropAfter.TryRemove(file.Path, out var drop))
        {
            var upTo = (int)Math.Min(content.Length, Math.Max(start, drop));
            await context.Response.Body.WriteAsync(content.AsMemory((int)start, upTo - (int)start));
            await context.Response.Body.FlushAsync();
            context.Abort();
            return;
        }

        if (_stallAfter.TryRemove(file.Path, out var stall))
        {
            var upTo = (int)Math.Min(content.Length, Math.Max(start, stall));
            await context.Response.Body.WriteAsync(content.AsMemory((int)start, upTo - (int)start));
            await context.Response.Body.FlushAsync();
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client hung up on the stalled transfer: what this quirk is for.
                context.Abort();
            }

            return;
        }

        await context.Response.Body.WriteAsync(content.AsMemory((int)start));
    }

    private static string Sign(string sha, long expires) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"stand-in:{sha}:{expires}")))[..32];

    private static async Task JsonAsync(HttpContext context, JsonNode body)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private static async Task ErrorAsync(HttpContext context, int status, string? code, string message)
    {
        context.Response.StatusCode = status;
        if (code is not null)
        {
            context.Response.Headers["X-Error-Code"] = code;
        }

        context.Response.Headers["X-Error-Message"] = message;
        await JsonAsync(context, new JsonObject { ["error"] = message });
    }
}
