using System.Collections.Concurrent;
using MjBot.Core.Ports;
using MjBot.Core.Settings;

namespace MjBot.Core.Moderation;

/// <summary>Each server's rules in force: the built-in list (unless the server switched it off, or the host's default
/// says so) and the server's own, compiled once and kept until moderators change them. A stored rule that no longer
/// compiles is skipped and reported through <paramref name="unusable"/> (the host logs it).</summary>
/// <param name="store">The servers' own rules.</param>
/// <param name="settings">The servers' settings (whether they use the built-in list).</param>
/// <param name="defaults">The host's defaults.</param>
/// <param name="unusable">Called with the server and each rule skipped.</param>
public sealed class GuildRules(IModerationStore store, ISettingsStore settings, ModerationDefaults defaults, Action<ulong, DisallowRule> unusable)
{
    private readonly ConcurrentDictionary<ulong, ModerationRuleSet> _compiled = new();
    private readonly ConcurrentDictionary<ulong, int> _versions = new();

    public TimeSpan RegexTimeout => defaults.RegexTimeout;

    /// <summary>Gets the server's compiled rules.</summary>
    public async Task<ModerationRuleSet> ForGuildAsync(ulong guildId, CancellationToken cancellationToken)
    {
        if (_compiled.TryGetValue(guildId, out var cached))
        {
            return cached;
        }

        var version = _versions.GetValueOrDefault(guildId);
        var set = ModerationRuleSet.Compile(await InForceAsync(guildId, cancellationToken), RegexTimeout, out var skipped);
        foreach (var rule in skipped)
        {
            unusable(guildId, rule);
        }

        // A change while this compiled wins: the set is used once but not kept.
        if (_versions.GetValueOrDefault(guildId) == version)
        {
            _compiled[guildId] = set;
        }

        return set;
    }

    /// <summary>Gets the rules in force, built-in first.</summary>
    public async Task<IReadOnlyList<DisallowRule>> InForceAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var guild = await settings.GetGuildAsync(guildId, cancellationToken);
        var own = await store.GetRulesAsync(guildId, cancellationToken);
        return UsesDefaultList(guild) ? [.. DefaultDisallowList.Rules, .. own] : own;
    }

    public bool UsesDefaultList(GuildSettings guild) => guild.UseDefaultList ?? defaults.UseDefaultList;

    /// <summary>Forgets a server's compiled rules after moderators changed them.</summary>
    public void Invalidate(ulong guildId)
    {
        _versions.AddOrUpdate(guildId, 1, static (_, v) => v + 1);
        _compiled.TryRemove(guildId, out _);
    }
}
