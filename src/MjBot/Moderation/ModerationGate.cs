using System.Globalization;
using MjBot.Core.Moderation;
using MjBot.Core.Ports;
using MjBot.Core.Prompting;
using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;

namespace MjBot.Moderation;

/// <summary>What a member's request passes before it becomes a job, in this order: a ban on this server, the
/// server's channel allow-list, its quota and cooldown (moderators and exempt roles skip these), and the disallow
/// list over the whole expanded request. A request stopped here has been answered: the member got a sentence.</summary>
internal sealed class ModerationGate(
    DiscordRestClient rest,
    IModerationStore store,
    ISettingsStore settings,
    IJobStore jobs,
    GuildRules rules,
    ReviewDesk desk,
    TimeProvider time)
{
    /// <summary>Checks a request; true when it may go on.</summary>
    /// <param name="interaction">The member's interaction (not yet answered).</param>
    /// <param name="prompt">The whole prompt as it would run.</param>
    /// <param name="parsed">The parsed prompt.</param>
    /// <param name="backend">The backend it would run on.</param>
    /// <param name="jobCount">How many jobs it starts.</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    public async Task<bool> AdmitAsync(Interaction interaction, string prompt, PromptParseResult.Success parsed, string backend, int jobCount, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(interaction, jobCount, cancellationToken) is { } refusal)
        {
            await Replies.EphemeralAsync(rest, interaction, refusal, cancellationToken);
            return false;
        }

        if (interaction.GuildId is not { } guildId)
        {
            return true;
        }

        var set = await rules.ForGuildAsync(guildId.Value, cancellationToken);
        if (set.Check(ModeratedText.Of(parsed)) is ModerationVerdict.Matched matched)
        {
            await desk.StopAsync(interaction, prompt, backend, matched, cancellationToken);
            return false;
        }

        return true;
    }

    /// <summary>The ban, channel and quota checks alone, for buttons that start jobs from an approved prompt.</summary>
    public async Task<string?> RefusalAsync(Interaction interaction, int jobCount, CancellationToken cancellationToken)
    {
        if (interaction.GuildId is not { } guildId)
        {
            return null;
        }

        var userId = interaction.Invoker!.Id.Value;
        if (await store.GetBanAsync(guildId.Value, userId, cancellationToken) is { } ban)
        {
            return "You have been barred from using MjBot on this server" + (ban.Reason is { Length: > 0 } reason ? $": {reason}" : ".");
        }

        var guild = await settings.GetGuildAsync(guildId.Value, cancellationToken);
        var channelId = interaction.ChannelId?.Value ?? 0;
        if (guild.AllowedChannelIds.Count > 0 && !guild.AllowedChannelIds.Contains(channelId))
        {
            return "MjBot is not enabled in this channel. Use it in " + string.Join(", ", guild.AllowedChannelIds.Select(c => $"<#{c}>")) + ".";
        }

        var exempt = Moderators.IsModerator(interaction) || (interaction.Member?.Roles.Any(r => guild.ExemptRoleIds.Contains(r.Value)) ?? false);
        if (exempt || !guild.Quota.IsLimited)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var recent = (await jobs.ForUserAsync(userId, now - QuotaCheck.Day, cancellationToken)).Where(j => j.GuildId == guildId.Value);
        return QuotaCheck.Check(guild.Quota, recent, now, jobCount) is QuotaVerdict.Reached reached
            ? $"You have reached {reached.Reason}. You can start another job <t:{reached.RetryAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}:R>."
            : null;
    }
}
