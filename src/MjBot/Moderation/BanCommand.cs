using System.Text;
using MjBot.Core.Moderation;
using MjBot.Core.Ports;
using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Rendering;

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

                await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text(added ? "ban.added" : "ban.already", ("user", target)), cancellationToken);
                break;
            case "remove" when user is { } target:
                var removed = await store.UnbanAsync(guildId, target, cancellationToken);
                if (removed)
                {
                    await audit.RecordAsync(guildId, actor, "mjban remove", $"<@{target}>", cancellationToken);
                }

                await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text(removed ? "ban.removed" : "ban.not_barred", ("user", target)), cancellationToken);
                break;
            default:
                var bans = await store.GetBansAsync(guildId, cancellationToken);
                var l = interaction.MemberLanguage();
                var text = new StringBuilder(bans.Count == 0 ? l.Text("ban.none") : l.Text("ban.list", ("count", bans.Count)) + "\n");
                foreach (var ban in bans.Take(40))
                {
                    var since = $"<t:{ban.At.ToUnixTimeSeconds()}:d>";
                    text.Append(ban.Reason is { } r
                        ? l.Text("ban.entry_reason", ("user", ban.UserId), ("since", since), ("by", ban.BannedBy), ("reason", r))
                        : l.Text("ban.entry", ("user", ban.UserId), ("since", since), ("by", ban.BannedBy))).Append('\n');
                }

                await Replies.EphemeralAsync(rest, interaction, text.ToString(), cancellationToken);
                break;
        }
    }
}
