namespace MjBot.RemoteLinks;

/// <summary>How member-supplied links are fetched: bound from the <c>Moderation</c> section, where the keys have always
/// been (<c>Moderation:AllowHttpImageLinks</c>, <c>Moderation:MaxImageDownloadBytes</c>,
/// <c>Moderation:TrustedLinkHosts</c>).</summary>
public sealed record LinkFetchOptions
{
    public const string SectionName = "Moderation";

    /// <summary>Gets or sets whether plain http links are allowed (https only by default).</summary>
    public bool AllowHttpImageLinks { get; set; }

    /// <summary>Gets or sets the largest download, in bytes, enforced while streaming.</summary>
    /// <value>The default value is 8 MiB.</value>
    public long MaxImageDownloadBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Gets or sets the most redirects followed, each checked like the first link.</summary>
    /// <value>The default value is 3.</value>
    public int MaxRedirects { get; set; } = 3;

    /// <summary>Gets or sets how long connecting may take.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets how long one download may take, redirects included.</summary>
    /// <value>The default value is 20 seconds.</value>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets or sets host names exempt from the private-address check (an image host on the self-hoster's own
    /// network); none by default: every other link must resolve to public addresses.</summary>
    public string[] TrustedLinkHosts { get; set; } = [];
}
