namespace MjBot.Configuration;

/// <summary>The <c>Moderation</c> section: defaults that each server's moderators can change in Discord.</summary>
public sealed class ModerationOptions
{
    public const string SectionName = "Moderation";

    /// <summary>Gets or sets whether new servers start with the built-in disallow list.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool UseDefaultList { get; set; } = true;

    /// <summary>Gets or sets how long one regex rule may run against one prompt, in milliseconds.</summary>
    /// <value>The default value is 100.</value>
    public int RegexTimeoutMilliseconds { get; set; } = 100;

    /// <summary>Gets or sets whether member-supplied image links may use plain http.</summary>
    public bool AllowHttpImageLinks { get; set; }

    /// <summary>Gets or sets the largest member-supplied image MjBot downloads, in bytes.</summary>
    /// <value>The default value is 8 MiB.</value>
    public int MaxImageDownloadBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Gets or sets how many blocked prompts one member may appeal per server in 24 hours.</summary>
    /// <value>The default value is 5 (as Midjourney's appeals).</value>
    public int MaxAppealsPerDay { get; set; } = 5;

    /// <summary>Gets or sets host names exempt from the private-address check when fetching links (an image host on
    /// your own network). Empty by default; every other link must resolve to public addresses.</summary>
    public string[] TrustedLinkHosts { get; set; } = [];
}
