using MjBot.Core.Localization;
using MjBot.Discord.Models;

namespace MjBot.Rendering;

/// <summary>Which language an answer to an interaction is written in: an ephemeral reply, which only the member sees,
/// in the member's Discord language (<c>locale</c>); a public message in the server's (<c>guild_locale</c>).</summary>
internal static class InteractionLocale
{
    /// <summary>Gets the catalogue in the member's language.</summary>
    public static Localizer MemberLanguage(this Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return MessageCatalogue.Default.For(interaction.Locale);
    }

    /// <summary>Gets the catalogue in the server's language (the member's outside a server).</summary>
    public static Localizer ServerLanguage(this Interaction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        return MessageCatalogue.Default.For(interaction.GuildLocale ?? interaction.Locale);
    }
}
