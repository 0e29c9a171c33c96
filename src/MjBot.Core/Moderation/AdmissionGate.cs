using MjBot.Core.Ports;

namespace MjBot.Core.Moderation;

/// <summary>What a member's request passes before it becomes a job, in this order: a ban on this server, the
/// server's channel allow-list, its quota and cooldown (moderators and exempt roles skip these), and the disallow
/// list over the whole expanded request. Each check reads only when the ones before it passed. Direct messages have
/// no server rules.</summary>
public sealed class AdmissionGate(IModerationStore store, ISettingsStore settings, IJobStore jobs, GuildRules rules, TimeProvider time)
{
    /// <summary>Checks a request that starts <paramref name="jobCount"/> jobs from <paramref name="text"/>.</summary>
    /// <param name="member">Who asks.</param>
    /// <param name="text">What the disallow list reads (<see cref="ModeratedText"/>).</param>
    /// <param name="jobCount">How many jobs it starts.</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    public async Task<AdmissionVerdict> AdmitAsync(MemberContext member, IEnumerable<string> text, int jobCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var verdict = await CheckMemberAsync(member, jobCount, cancellationToken);
        if (verdict is not AdmissionVerdict.Pass || member.GuildId is not { } guildId)
        {
            return verdict;
        }

        var set = await rules.ForGuildAsync(guildId, cancellationToken);
        return set.Check(text) is ModerationVerdict.Matched matched ? new AdmissionVerdict.Stopped(matched) : AdmissionVerdict.Admitted;
    }

    /// <summary>The ban, channel and quota checks alone, for buttons that start jobs from an approved prompt.</summary>
    public async Task<AdmissionVerdict> CheckMemberAsync(MemberContext member, int jobCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.GuildId is not { } guildId)
        {
            return AdmissionVerdict.Admitted;
        }

        if (await store.GetBanAsync(guildId, member.UserId, cancellationToken) is { } ban)
        {
            return new AdmissionVerdict.Banned(ban.Reason is { Length: > 0 } reason ? reason : null);
        }

        var guild = await settings.GetGuildAsync(guildId, cancellationToken);
        if (guild.AllowedChannelIds.Count > 0 && !guild.AllowedChannelIds.Contains(member.ChannelId))
        {
            return new AdmissionVerdict.ChannelNotAllowed(guild.AllowedChannelIds);
        }

        var exempt = member.IsModerator || member.RoleIds.Any(guild.ExemptRoleIds.Contains);
        if (exempt || !guild.Quota.IsLimited)
        {
            return AdmissionVerdict.Admitted;
        }

        var now = time.GetUtcNow();
        var recent = (await jobs.ForUserAsync(member.UserId, now - QuotaCheck.Day, cancellationToken)).Where(j => j.GuildId == guildId);
        return QuotaCheck.Check(guild.Quota, recent, now, jobCount) is QuotaVerdict.Reached reached
            ? new AdmissionVerdict.QuotaReached(reached)
            : AdmissionVerdict.Admitted;
    }
}
