namespace MjBot.Configuration;

/// <summary>The <c>Moderation</c> section: defaults that each server's moderators can change in Discord. Its
/// link-fetching keys belong to the link fetcher's own options (MjBot.RemoteLinks' <c>LinkFetchOptions</c>).</summary>
public sealed class ModerationOptions
{
    public const string SectionName = "Moderation";

    /// <summary>Gets or sets whether new servers start with the built-in disallow list.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool UseDefaultList { get; set; } = true;

    /// <summary>Gets or sets how long one regex rule may run against one prompt, in milliseconds.</summary>
    /// <value>The default value is 100.</value>
    public int RegexTimeoutMilliseconds { get; set; } = 100;

    /// <summary>Gets or sets how many blocked prompts one member may appeal per server in 24 hours.</summary>
    /// <value>The default value is 5 (as Midjourney's appeals).</value>
    public int MaxAppealsPerDay { get; set; } = 5;
}
