using MjBot.Discord.Models;

namespace MjBot.Moderation;

/// <summary>The moderator commands, by name.</summary>
internal sealed class ModerationCommands(DisallowCommand disallow, MetapromptCommand metaprompt, BanCommand ban, ModLogCommand modlog, ModConfigCommand modconfig)
{
    public bool Handles(string? name) => name is "disallow" or "metaprompt" or "mjban" or "modlog" or "modconfig";

    public Task HandleAsync(Interaction interaction, CancellationToken cancellationToken) => interaction.Data?.Name switch
    {
        "disallow" => disallow.HandleAsync(interaction, cancellationToken),
        "metaprompt" => metaprompt.HandleAsync(interaction, cancellationToken),
        "mjban" => ban.HandleAsync(interaction, cancellationToken),
        "modlog" => modlog.HandleAsync(interaction, cancellationToken),
        _ => modconfig.HandleAsync(interaction, cancellationToken),
    };
}
