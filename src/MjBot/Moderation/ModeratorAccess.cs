using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Rendering;

namespace MjBot.Moderation;

/// <summary>The check every moderation command makes before anything else: Manage Server (or Administrator) in a
/// server. <c>default_member_permissions</c> only hides a command; admins can grant it to anyone.</summary>
internal static class ModeratorAccess
{
    /// <summary>Gets the server's id when the member may moderate; otherwise answers the member and gives null.</summary>
    public static async Task<ulong?> GuildAsync(DiscordRestClient rest, Interaction interaction, string command, CancellationToken cancellationToken)
    {
        if (Moderators.CanManageServer(interaction) && interaction.GuildId is { } guild)
        {
            return guild.Value;
        }

        await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("reply.needs_manage_server", ("command", command)), cancellationToken);
        return null;
    }
}
