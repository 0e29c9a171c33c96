namespace MjBot.RemoteLinks;

/// <summary>How member-supplied links are fetched.</summary>
public sealed record LinkFetchSettings
{
    /// <summary>Gets whether plain http links are allowed (https only by default).</summary>
    public bool AllowHttp { get; init; }

    /// <summary>Gets the largest download, in bytes, enforced while streaming.</summary>
    public long MaxBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Gets the most redirects followed, each checked like the first link.</summary>
    public int MaxRedirects { get; init; } = 3;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Gets host names exempt from the address check (an image host on the self-hoster's own network);
    /// none by default.</summary>
    public IReadOnlyList<string> TrustedHosts { get; init; } = [];
}
