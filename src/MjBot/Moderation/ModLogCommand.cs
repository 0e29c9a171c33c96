using System.Text;
using MjBot.Core.Ports;
using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Rendering;

namespace MjBot.Moderation;

/// <summary>/modlog show [count]: the newest moderation actions on this server, who did them and when.</summary>
internal sealed class ModLogCommand(DiscordRestClient rest, IModerationStore store)
{
    public async Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (await ModeratorAccess.GuildAsync(rest, interaction, "modlog", cancellationToken) is not { } guildId)
        {
            return;
        }

        var count = (int)Math.Clamp(CommandOptions.Integer(interaction, "count") ?? 20, 1, 50);
        var entries = await store.GetLogAsync(guildId, count, cancellationToken);
        var text = new StringBuilder(entries.Count == 0 ? interaction.MemberLanguage().Text("modlog.none") : interaction.MemberLanguage().Text("modlog.newest") + "\n");
        foreach (var entry in entries)
        {
            var line = $"<t:{entry.At.ToUnixTimeSeconds()}:f> <@{entry.ActorId}> **{entry.Action}** {entry.Detail}\n";
            if (text.Length + line.Length > 1950)
            {
                break;
            }

            text.Append(line);
        }

        await Replies.EphemeralAsync(rest, interaction, text.ToString(), cancellationToken);
    }
}
