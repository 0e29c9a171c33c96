using MjBot.Core.Moderation;

namespace MjBot.Core.Settings;

/// <summary>A server's settings.</summary>
public sealed record GuildSettings
{
    public static GuildSettings Default { get; } = new();

    /// <summary>Gets whether anyone may press a job's buttons (by default only its author and moderators).</summary>
    public bool OpenButtons { get; init; }

    /// <summary>Gets whether prompt magic is on for members who have not chosen (off by default).</summary>
    public bool PromptMagic { get; init; }

    /// <summary>Gets whether the built-in disallow list applies, or null for the host's default
    /// (<c>Moderation:UseDefaultList</c>).</summary>
    public bool? UseDefaultList { get; init; }

    /// <summary>Gets the server's own metaprompt, or null for the default children-safe preamble.</summary>
    public string? Metaprompt { get; init; }

    /// <summary>Gets the channel where held prompts and appeals go for moderators, or null when none is set.</summary>
    public ulong? ReviewChannelId { get; init; }

    /// <summary>Gets the channels where members may use MjBot; empty means every channel.</summary>
    public IReadOnlyList<ulong> AllowedChannelIds { get; init; } = [];

    /// <summary>Gets the per-member job limits.</summary>
    public JobQuota Quota { get; init; } = JobQuota.None;

    /// <summary>Gets the language MjBot writes this server's public messages and audit entries in (a catalogue
    /// locale: <c>en</c>, <c>ko</c>, <c>ja</c> …), or null to follow the server's Discord language (<c>guild_locale</c>).
    /// Replies only a member sees stay in the member's own language.</summary>
    public string? Language { get; init; }

    /// <summary>Gets what happens to a local model's image the safety checker flags, or null for the default (Block when a
    /// checker is configured).</summary>
    public SafetyPolicy? SafetyPolicy { get; init; }

    /// <summary>Gets how strictly the image provider's own moderation reads this server's prompts, or null for its
    /// default (auto).</summary>
    public ProviderModeration? ProviderModeration { get; init; }

    /// <summary>Gets the roles whose members the quota does not limit.</summary>
    public IReadOnlyList<ulong> ExemptRoleIds { get; init; } = [];
}
