namespace MjBot.Discord.Gateway;

/// <summary>Builds connect URLs: the base URL (from GET /gateway/bot, or READY's resume_gateway_url) with
/// <c>?v=10&amp;encoding=json</c> and, when asked, <c>&amp;compress=zlib-stream</c>; the same query for resumes.</summary>
public static class GatewayUri
{
    /// <summary>The gateway version MjBot speaks.</summary>
    public const int Version = 10;

    /// <summary>Builds the connect URL.</summary>
    /// <param name="baseUrl">A bare gateway URL such as <c>wss://gateway.discord.gg</c>.</param>
    /// <param name="compress">Whether to ask for zlib-stream transport compression.</param>
    /// <returns>The URL to connect to.</returns>
    public static Uri For(string baseUrl, bool compress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseUrl);
        var builder = new UriBuilder(baseUrl)
        {
            Query = $"v={Version}&encoding=json" + (compress ? "&compress=zlib-stream" : string.Empty),
        };
        if (builder.Path.Length == 0)
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }
}
