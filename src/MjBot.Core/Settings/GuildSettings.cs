namespace MjBot.Core.Settings;

/// <summary>A server's settings.</summary>
public sealed record GuildSettings
{
    public static GuildSettings Default { get; } = new();

    /// <summary>Gets whether anyone may press a job's buttons (by default only its author and moderators).</summary>
    public bool OpenButtons { get; init; }
}
