using System.Text;
using MjBot.Core.Moderation;
using MjBot.Core.Ports;
using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;

namespace MjBot.Moderation;

/// <summary>/mjban add|remove|list: members barred from MjBot on this server (their commands and buttons are
/// refused with the reason).</summary>
internal sealed class BanCommand(DiscordRestClient rest, IModerationStore store, ModerationAudit audit, TimeProvider time)
{
    public async Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (await ModeratorAccess.GuildAsync(rest, interaction, "mjban", cancellationToken) is not { } guildId)
        {
            return;
        }

        var actor = interaction.Invoker!.Id.Value;
        var user = CommandOptions.Id(interaction, "user");
        switch (CommandOptions.Subcommand(interaction))
        {
            case "add" when user is { } target:
                var reason = CommandOptions.String(interaction, "reason")?.Trim();
                var added = await store.BanAsync(new MemberBan(guildId, target, string.IsNullOrEmpty(reason) ? null : reason, actor, time.GetUtcNow()), cancellationToken);
                if (added)
                {
                    await audit.RecordAsync(guildId, actor, "mjban add", $"<@{target}>" + (reason is { Length: > 0 } ? $": {reason}" : string.Empty), cancellationToken);
                }

                await Replies.EphemeralAsync(rest, interaction, added ? $"<@{target}> can no longer use MjBot on this server." : $"<@{target}> was already barred.", cancellationToken);
                break;
            case "remove" when user is { } target:
                var removed = await store.UnbanAsync(guildId, target, cancellationToken);
                if (removed)
                {
                    await audit.RecordAsync(guildId, actor, "mjban remove", $"<@{target}>", cancellationToken);
                }

                await Replies.EphemeralAsync(rest, interaction, removed ? $"<@{target}> may use MjBot again." : $"<@{target}> was not barred.", cancellationToken);
                break;
            default:
                var bans = await store.GetBansAsync(guildId, cancellationToken);
                var text = new StringBuilder(bans.Count == 0 ? "Nobody is barred on this server." : $"Barred members ({bans.Count}):\n");
                foreach (var ban in bans.Take(40))
                {
                    text.Append($"• <@{ban.UserId}> since <t:{ban.At.ToUnixTimeSeconds()}:d> by <@{ban.BannedBy}>{(ban.Reason is { } r ? $": {r}" : string.Empty)}\n");
                }

                await Replies.EphemeralAsync(rest, interaction, text.ToString(), cancellationToken);
                break;
        }
    }
}
