using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MjBot.Configuration;
using MjBot.Core.Moderation;
using MjBot.Core.Ports;
using MjBot.Core.Settings;

namespace MjBot.Moderation;

/// <summary>Each server's rules in force: the built-in list (unless the server switched it off, or the host's default
/// says so) and the server's own, compiled once and kept until moderators change them.</summary>
internal sealed class GuildRules(IModerationStore store, ISettingsStore settings, IOptions<ModerationOptions> options, ILogger<GuildRules> logger)
{
    private readonly ConcurrentDictionary<ulong, ModerationRuleSet> _compiled = new();
    private readonly ConcurrentDictionary<ulong, int> _versions = new();

    public TimeSpan RegexTimeout => TimeSpan.FromMilliseconds(options.Value.RegexTimeoutMilliseconds);

    /// <summary>Gets the server's compiled rules.</summary>
    public async Task<ModerationRuleSet> ForGuildAsync(ulong guildId, CancellationToken cancellationToken)
    {
        if (_compiled.TryGetValue(guildId, out var cached))
        {
            return cached;
        }

        var version = _versions.GetValueOrDefault(guildId);
        var set = ModerationRuleSet.Compile(await InForceAsync(guildId, cancellationToken), RegexTimeout, out var unusable);
        foreach (var rule in unusable)
        {
            logger.UnusableRule(guildId, rule.Mode.ToString());
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

    public bool UsesDefaultList(GuildSettings guild) => guild.UseDefaultList ?? options.Value.UseDefaultList;

    /// <summary>Forgets a server's compiled rules after moderators changed them.</summary>
    public void Invalidate(ulong guildId)
    {
        _versions.AddOrUpdate(guildId, 1, static (_, v) => v + 1);
        _compiled.TryRemove(guildId, out _);
    }
}
