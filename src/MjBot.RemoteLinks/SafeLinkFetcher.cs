using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using MjBot.Core.Localization;
using MjBot.Core.Moderation;
using MjBot.Core.Ports;
using MjBot.Imaging;

namespace MjBot.RemoteLinks;

/// <summary>Fetches a member's link safely: https (http only when configured), no credentials in the link,
/// a host that resolves to public addresses only, checked again in the connect callback on the very addresses the
/// socket connects to (so a DNS answer that changes between check and use, "DNS rebinding", gains nothing), at most
/// <see cref="LinkFetchOptions.MaxRedirects"/> redirects each checked the same way, a size cap enforced while
/// streaming, the expected content (a PNG, JPEG, WebP or GIF by its type and signature, or text), and connect and total time limits. Discord CDN
/// attachment links are ordinary public https links and pass.</summary>
public sealed class SafeLinkFetcher : ILinkFetcher, IDisposable
{
    // What image links may say they hold; application/octet-stream is what some hosts say of every file, and the
    // bytes' signature decides.
    private static readonly string[] ImageTypes = ["image/png", "image/jpeg", "image/webp", "image/gif", "application/octet-stream"];
    private readonly LinkFetchOptions _options;
    private readonly IHostResolver _resolver;
    private readonly HttpClient _http;

    public SafeLinkFetcher(LinkFetchOptions options, IHostResolver resolver)
    {
        _options = options;
        _resolver = resolver;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            MaxResponseHeadersLength = 32,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectCallback = ConnectAsync,
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("MjBot", "1.0"));
    }

    public async Task<LinkFetchResult> FetchAsync(string url, LinkContent expected, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.TotalTimeout);
        try
        {
            return await FollowAsync(url, expected, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Refused("link.too_slow", ("seconds", _options.TotalTimeout.TotalSeconds));
        }
        catch (HttpRequestException ex) when (ex.InnerException is AddressRefusedException refused)
        {
            return PrivateAddress(refused.Host);
        }
        catch (HttpRequestException ex)
        {
            return Refused("link.unreachable", ("detail", ex.HttpRequestError.ToString()));
        }
        catch (IOException)
        {
            return Refused("link.broken_off");
        }
    }

    public void Dispose() => _http.Dispose();

    private static LinkFetchResult.Refused Refused(string key, params MessageArg[] args) => new(CatalogueText.Of("link.refused", ("why", CatalogueText.Of(key, args))));

    private static LinkFetchResult.Refused PrivateAddress(string host) =>
        Refused("link.private_address", ("host", host));

    private async Task<LinkFetchResult> FollowAsync(string url, LinkContent expected, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return Refused("link.not_absolute");
        }

        for (var hop = 0; ; hop++)
        {
            if (await CheckAsync(uri, cancellationToken) is { } refusal)
            {
                return refusal;
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            foreach (var accepted in expected == LinkContent.Image ? ImageTypes[..^1] : ["text/plain"])
            {
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accepted));
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if ((int)response.StatusCode is 301 or 302 or 303 or 307 or 308)
            {
                if (hop >= _options.MaxRedirects)
                {
                    return Refused("link.too_many_redirects", ("count", _options.MaxRedirects));
                }

                if (response.Headers.Location is not { } location)
                {
                    return Refused("link.redirect_nowhere");
                }

                uri = new Uri(uri, location);
                continue;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                return Refused("link.status", ("status", $"{(int)response.StatusCode} {response.ReasonPhrase}"));
            }

            return await ReadAsync(response, uri, expected, cancellationToken);
        }
    }

    // The early check: scheme, credentials and the host's addresses. The connect callback repeats the address check.
    private async Task<LinkFetchResult.Refused?> CheckAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && _options.AllowHttpImageLinks))
        {
            return Refused(_options.AllowHttpImageLinks ? "link.http_or_https" : "link.https_only");
        }

        if (uri.UserInfo.Length > 0)
        {
            return Refused("link.credentials");
        }

        if (IsTrusted(uri.IdnHost))
        {
            return null;
        }

        var addresses = await ResolveAsync(uri.IdnHost, cancellationToken);
        if (addresses.Length == 0)
        {
            return Refused("link.unknown_host", ("host", uri.IdnHost));
        }

        return addresses.All(AddressPolicy.IsPublic) ? null : PrivateAddress(uri.IdnHost);
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            return await _resolver.ResolveAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            return [];
        }
    }

    private bool IsTrusted(string host) => _options.TrustedLinkHosts.Contains(host, StringComparer.OrdinalIgnoreCase);

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await ResolveAsync(host, cancellationToken);
        if (addresses.Length == 0 || (!IsTrusted(host) && !addresses.All(AddressPolicy.IsPublic)))
        {
            throw new AddressRefusedException(host);
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
        }

        throw last!;
    }

    private async Task<LinkFetchResult> ReadAsync(HttpResponseMessage response, Uri from, LinkContent expected, CancellationToken cancellationToken)
    {
        var type = response.Content.Headers.ContentType?.MediaType;
        if (expected == LinkContent.Image && !ImageTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            return Refused("link.not_image_type", ("type", type ?? "-"));
        }

        if (expected == LinkContent.Text && type is not ("text/plain" or "application/json"))
        {
            return Refused("link.not_text_type", ("type", type ?? "-"));
        }

        if (response.Content.Headers.ContentLength > _options.MaxImageDownloadBytes)
        {
            return TooBig();
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > _options.MaxImageDownloadBytes)
            {
                return TooBig();
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        return expected == LinkContent.Text || ImageFormats.Identify(bytes) != ImageFormat.Unknown
            ? new LinkFetchResult.Fetched(bytes, from)
            : Refused("link.not_image");
    }

    private LinkFetchResult.Refused TooBig() => Refused("link.too_big", ("mib", _options.MaxImageDownloadBytes / (1024.0 * 1024)));
}
