namespace MjBot.Core.Localization;

/// <summary>The catalogue in one language: what a handler holds to answer a member.</summary>
public sealed class Localizer(MessageCatalogue catalogue, string locale)
{
    /// <summary>Gets English, for text that stays English (logs) or when no locale is known.</summary>
    public static Localizer English { get; } = MessageCatalogue.Default.For(null);

    /// <summary>Gets the catalogue language, e.g. <c>ko</c>.</summary>
    public string Locale { get; } = locale;

    public MessageCatalogue Catalogue { get; } = catalogue;

    /// <summary>Gets a message with its placeholders filled.</summary>
    public string Text(string key, params MessageArg[] args) => Catalogue.Text(Locale, key, args);
}
