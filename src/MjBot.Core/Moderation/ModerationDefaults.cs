namespace MjBot.Core.Moderation;

/// <summary>The host's moderation defaults, which each server's moderators can change in Discord.</summary>
/// <param name="UseDefaultList">Whether a server that never chose uses the built-in disallow list.</param>
/// <param name="RegexTimeout">How long one regex rule may run against one prompt.</param>
public sealed record ModerationDefaults(bool UseDefaultList, TimeSpan RegexTimeout);
