namespace MjBot.Core.Settings;

/// <summary>A server's settings.</summary>
public sealed record GuildSettings
{
    public static GuildSettings Default { get; } = new();

    /// <summary>Gets whether anyone may press a job's buttons (by default only its author and moderators).</summary>
    public bool OpenButtons { get; init; }

    /// <summary>Gets whether prompt magic is on for members who have not chosen (off by default).</summary>
    public bool PromptMagic { get; init; }
}
