using MjBot.Core.Moderation;
using MjBot.Core.Ports;
using MjBot.Discord.Interactions;
using MjBot.Discord.Models;
using MjBot.Discord.Rest;
using MjBot.Rendering;

namespace MjBot.Moderation;

/// <summary>/metaprompt set|show|reset: the text put before every prompt sent to OpenAI's image models. The default
/// is the children-safe designer preamble naming the server's blocked terms; Stable Diffusion gets those terms in its
/// negative prompt instead.</summary>
internal sealed class MetapromptCommand(DiscordRestClient rest, ISettingsStore settings, GuildRules rules, ModerationAudit audit)
{
    public async Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (await ModeratorAccess.GuildAsync(rest, interaction, "metaprompt", cancellationToken) is not { } guildId)
        {
            return;
        }

        var guild = await settings.GetGuildAsync(guildId, cancellationToken);
        var actor = interaction.Invoker!.Id.Value;
        switch (CommandOptions.Subcommand(interaction))
        {
            case "set":
                var text = CommandOptions.String(interaction, "text")?.Trim() ?? string.Empty;
                if (text.Length is 0 or > Metaprompt.MaxLength)
                {
                    await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("metaprompt.length", ("max", Metaprompt.MaxLength)), cancellationToken);
                    return;
                }

                await settings.SaveGuildAsync(guildId, guild with { Metaprompt = text }, cancellationToken);
                await audit.RecordAsync(guildId, actor, "metaprompt set", text.Length > 200 ? text[..200] + "…" : text, cancellationToken);
                await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("metaprompt.set"), cancellationToken);
                break;
            case "reset":
                await settings.SaveGuildAsync(guildId, guild with { Metaprompt = null }, cancellationToken);
                await audit.RecordAsync(guildId, actor, "metaprompt reset", interaction.ServerLanguage().Text("audit.metaprompt_default"), cancellationToken);
                await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("metaprompt.reset"), cancellationToken);
                break;
            default:
                var inForce = Metaprompt.For(guild.Metaprompt, await rules.InForceAsync(guildId, cancellationToken));
                var origin = interaction.MemberLanguage().Text(guild.Metaprompt is null ? "metaprompt.default" : "metaprompt.own");
                await Replies.EphemeralAsync(rest, interaction, interaction.MemberLanguage().Text("metaprompt.show", ("origin", origin)) + $"\n```\n{inForce.Replace("```", "'''", StringComparison.Ordinal)}\n```", cancellationToken);
                break;
        }
    }
}
