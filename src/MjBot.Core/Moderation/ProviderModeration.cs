namespace MjBot.Core.Moderation;

/// <summary>How strictly an image provider's own moderation reads a server's prompts (OpenAI's <c>moderation</c>
/// field of the GPT image models); a server's moderators choose it with <c>/modconfig provider-moderation</c>. MjBot's
/// own disallow lists apply either way.</summary>
public enum ProviderModeration
{
    /// <summary>The provider's standard filtering.</summary>
    Auto,

    /// <summary>The provider's less restrictive filtering.</summary>
    Low,
}
