using System.Net;
using Microsoft.AspNetCore.Http;
using MjBot.Core.Moderation;
using MjBot.Testing;

namespace MjBot.RemoteLinks.Tests;

/// <summary>The SSRF suite: a real server on 127.0.0.1 that every refused link would otherwise reach, and a trusted
/// name for it ("images.test") that proves the server answers when the policy lets a request through.</summary>
public sealed class SafeLinkFetcherTests : IAsyncLifetime
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
    private LoopbackHttpServer _server = null!;

    private int Port => _server.Address.Port;

    public async Task InitializeAsync() => _server = await LoopbackHttpServer.StartAsync(ServeAsync);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Fetch_TrustedNameForTheServer_GetsThePng()
    {
        var result = await FetchAsync($"http://images.test:{Port}/ok.png");

        var fetched = Assert.IsType<LinkFetchResult.Fetched>(result);
        Assert.Equal(Png, fetched.Bytes);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{0}/ok.png")]
    [InlineData("http://localhost:{0}/ok.png")]
    [InlineData("http://[::1]:{0}/ok.png")]
    [InlineData("http://0.0.0.0:{0}/ok.png")]
    [InlineData("http://10.0.0.1:{0}/ok.png")]
    [InlineData("http://172.16.5.4:{0}/ok.png")]
    [InlineData("http://192.168.0.10:{0}/ok.png")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://2130706433:{0}/ok.png")] // 127.0.0.1 as one decimal number
    [InlineData("http://0177.0.0.1:{0}/ok.png")] // octal
    [InlineData("http://0x7f.0.0.1:{0}/ok.png")] // hexadecimal
    [InlineData("http://127.1:{0}/ok.png")] // shortened
    [InlineData("http://[::ffff:127.0.0.1]:{0}/ok.png")] // IPv4-mapped IPv6
    [InlineData("http://[::ffff:7f00:1]:{0}/ok.png")]
    [InlineData("http://private.test:{0}/ok.png")] // a name that resolves to a private address
    [InlineData("http://images.test:{0}/redirect-private")] // a redirect to a private address
    public async Task Fetch_LocalOrPrivateTarget_RefusedAsPrivate(string template)
    {
        var result = await FetchAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Port));

        var refused = Assert.IsType<LinkFetchResult.Refused>(result);
        Assert.Contains("private or local network address", refused.Reason.English, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Requests, r => r.Path == "/ok.png");
    }

    [Fact]
    public async Task Fetch_NameThatRebindsToLoopbackAfterTheCheck_RefusedAtConnect()
    {
        var result = await FetchAsync($"http://rebind.test:{Port}/ok.png");

        Assert.Contains("private or local network address", Assert.IsType<LinkFetchResult.Refused>(result).Reason.English, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Fetch_PlainHttpNotAllowed_Refused()
    {
        var result = await FetchAsync($"http://images.test:{Port}/ok.png", new LinkFetchOptions { TrustedLinkHosts = ["images.test"] });

        Assert.Contains("only https links", Assert.IsType<LinkFetchResult.Refused>(result).Reason.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://images.test/x.png", "only http and https")]
    [InlineData("file:///etc/passwd", "only http and https")]
    [InlineData("not a link", "not a full web address")]
    [InlineData("http://user:secret@images.test/ok.png", "user name or password")]
    public async Task Fetch_UnusableLink_SaysWhy(string url, string expected)
    {
        Assert.Contains(expected, Assert.IsType<LinkFetchResult.Refused>(await FetchAsync(url)).Reason.English, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/redirect/3", null)]
    [InlineData("/redirect/4", "more than 3 times")]
    [InlineData("/big-chunked", "larger than")]
    [InlineData("/big-declared", "larger than")]
    [InlineData("/html", "text/html")]
    [InlineData("/fake-png", "not a PNG, JPEG, WebP or GIF")]
    [InlineData("/photo.jpg", null)]
    [InlineData("/octet.webp", null)]
    [InlineData("/missing", "404")]
    [InlineData("/slow", "longer than")]
    public async Task Fetch_ServerBehaviour_RefusedWithTheReasonOrFetched(string path, string? expected)
    {
        // Only the server that never finishes meets the short limit: on a loaded machine any other case could
        // otherwise run past it and be refused for its time rather than for what it tests.
        var limit = path == "/slow" ? TimeSpan.FromMilliseconds(700) : TimeSpan.FromSeconds(60);
        var settings = Settings with { MaxImageDownloadBytes = 4096, TotalTimeout = limit };

        var result = await FetchAsync($"http://images.test:{Port}{path}", settings);

        if (expected is null)
        {
            Assert.IsType<LinkFetchResult.Fetched>(result);
        }
        else
        {
            Assert.Contains(expected, Assert.IsType<LinkFetchResult.Refused>(result).Reason.English, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Fetch_TextExpected_JsonAcceptedHtmlRefused()
    {
        var json = await FetchAsync($"http://images.test:{Port}/list.json", expected: LinkContent.Text);
        var html = await FetchAsync($"http://images.test:{Port}/html", expected: LinkContent.Text);

        Assert.Equal("[]"u8.ToArray(), Assert.IsType<LinkFetchResult.Fetched>(json).Bytes);
        Assert.Contains("not a text or JSON file", Assert.IsType<LinkFetchResult.Refused>(html).Reason.English, StringComparison.Ordinal);
    }

    private static LinkFetchOptions Settings => new() { AllowHttpImageLinks = true, TrustedLinkHosts = ["images.test"] };

    private static FakeResolver Resolver() => new(new Dictionary<string, IPAddress[][]>
    {
        ["images.test"] = [[IPAddress.Loopback]],
        ["private.test"] = [[IPAddress.Parse("93.184.216.34"), IPAddress.Parse("192.168.1.20")]],
        ["rebind.test"] = [[IPAddress.Parse("93.184.216.34")], [IPAddress.Loopback]],
        ["localhost"] = [[IPAddress.Loopback, IPAddress.IPv6Loopback]],
    });

    private static async Task<LinkFetchResult> FetchAsync(string url, LinkFetchOptions? settings = null, LinkContent expected = LinkContent.Image)
    {
        using var fetcher = new SafeLinkFetcher(settings ?? Settings, Resolver());
        return await fetcher.FetchAsync(url, expected, CancellationToken.None);
    }

    private async Task ServeAsync(HttpContext context, RecordedRequest request)
    {
        var path = request.Path;
        var response = context.Response;
        if (path.StartsWith("/redirect/", StringComparison.Ordinal))
        {
            var left = int.Parse(path["/redirect/".Length..], System.Globalization.CultureInfo.InvariantCulture);
            response.StatusCode = 302;
            response.Headers.Location = left <= 1 ? "/ok.png" : $"/redirect/{left - 1}";
            return;
        }

        switch (path)
        {
            case "/ok.png":
                response.ContentType = "image/png";
                await response.Body.WriteAsync(Png);
                break;
            case "/redirect-private":
                response.StatusCode = 302;
                response.Headers.Location = $"http://127.0.0.1:{Port}/ok.png";
                break;
            case "/big-chunked":
                response.ContentType = "image/png";
                await response.Body.WriteAsync(Png);
                for (var i = 0; i < 10; i++)
                {
                    await response.Body.WriteAsync(new byte[1024]);
                    await response.Body.FlushAsync();
                }

                break;
            case "/big-declared":
                response.ContentType = "image/png";
                response.ContentLength = 1 << 20;
                await response.Body.WriteAsync(Png);
                await response.Body.FlushAsync();
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ContinueWith(static _ => { }, TaskScheduler.Default);
                break;
            case "/list.json":
                response.ContentType = "application/json";
                await response.WriteAsync("[]");
                break;
            case "/html":
                response.ContentType = "text/html";
                await response.WriteAsync("<html></html>");
                break;
            case "/fake-png":
                response.ContentType = "image/png";
                await response.WriteAsync("<html>not an image</html>");
                break;
            case "/photo.jpg":
                response.ContentType = "image/jpeg";
                await response.Body.WriteAsync(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16 });
                break;
            case "/octet.webp":
                response.ContentType = "application/octet-stream";
                await response.WriteAsync("RIFF\0\0\0\0WEBPVP8 ");
                break;
            case "/slow":
                response.ContentType = "image/png";
                await response.Body.WriteAsync(Png);
                await response.Body.FlushAsync();
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ContinueWith(static _ => { }, TaskScheduler.Default);
                break;
            default:
                response.StatusCode = 404;
                break;
        }
    }
}
