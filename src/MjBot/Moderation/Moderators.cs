using MjBot.Core.Jobs;
using MjBot.Core.Moderation;
using MjBot.Core.Settings;
using MjBot.Discord.Models;

namespace MjBot.Moderation;

/// <summary>Who may do what: moderators are members with Manage Messages, Manage Server or Administrator in the
/// channel; a job's buttons belong to its author and the moderators unless the server opened them to everyone.</summary>
internal static class Moderators
{
    /// <summary>Gets who is asking, as Core's moderation policy reads it.</summary>
    public static MemberContext MemberOf(Interaction interaction) => new(
        interaction.GuildId?.Value,
        interaction.ChannelId?.Value ?? 0,
        interaction.Invoker!.Id.Value,
        IsModerator(interaction),
        [.. interaction.Member?.Roles.Select(static r => r.Value) ?? []])
    {
        Locale = interaction.Locale,
    };

    public static bool IsModerator(Interaction interaction) =>
        interaction.Member?.Permissions is { } permissions && (permissions.Value & (Permissions.Administrator | Permissions.ManageGuild | Permissions.ManageMessages)) != 0;

    /// <summary>Whether the member may run moderation commands: Manage Server (or Administrator), checked on every
    /// call because server admins can grant the commands to anyone.</summary>
    public static bool CanManageServer(Interaction interaction) => interaction.Member?.Permissions?.Has(Permissions.ManageGuild) ?? false;

    public static bool MayPress(Interaction interaction, Job job, GuildSettings guild) =>
        interaction.Invoker?.Id.Value == job.UserId || IsModerator(interaction) || guild.OpenButtons;

    public static bool MayCancel(Interaction interaction, Job job) =>
        interaction.Invoker?.Id.Value == job.UserId || IsModerator(interaction);
}
