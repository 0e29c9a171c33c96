using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace MjBot.Core.Localization;

/// <summary>Every sentence members and moderators read, one catalogue per language (embedded
/// <c>Localization/Catalogues/{locale}.json</c>: flat keys to texts with <c>{name}</c> placeholders). English is
/// complete by definition; a key another language lacks falls back to English and is recorded in
/// <see cref="Fallbacks"/> (the tests keep it empty for the shipped languages).</summary>
public sealed class MessageCatalogue
{
    public const string English = "en";

    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _locales;

    private MessageCatalogue(Dictionary<string, IReadOnlyDictionary<string, string>> locales) => _locales = locales;

    /// <summary>Makes a catalogue of the given languages (English among them).</summary>
    internal static MessageCatalogue FromEntries(Dictionary<string, IReadOnlyDictionary<string, string>> locales) => new(locales);

    /// <summary>Gets the catalogues that ship with MjBot.</summary>
    public static MessageCatalogue Default { get; } = LoadEmbedded();

    /// <summary>Gets the languages, English first.</summary>
    public IReadOnlyList<string> Locales => [English, .. _locales.Keys.Where(static k => k != English).Order(StringComparer.Ordinal)];

    /// <summary>Gets the (locale, key) pairs answered in English because the locale lacked them.</summary>
    public ConcurrentDictionary<(string Locale, string Key), bool> Fallbacks { get; } = new();

    /// <summary>Gets a language's entries.</summary>
    public IReadOnlyDictionary<string, string> Entries(string locale) => _locales[locale];

    /// <summary>Gets the catalogue language for a Discord locale (<c>ko</c>, <c>ja</c>, <c>en-US</c>, <c>pt-BR</c> …):
    /// the exact one, else its language, else English.</summary>
    public string Resolve(string? discordLocale)
    {
        if (string.IsNullOrWhiteSpace(discordLocale))
        {
            return English;
        }

        if (_locales.ContainsKey(discordLocale))
        {
            return discordLocale;
        }

        var language = discordLocale.Split('-')[0];
        return _locales.ContainsKey(language) ? language : English;
    }

    /// <summary>Gets a localizer for a Discord locale.</summary>
    public Localizer For(string? discordLocale) => new(this, Resolve(discordLocale));

    /// <summary>Gets <paramref name="key"/>'s text in <paramref name="locale"/> with its placeholders filled.</summary>
    /// <exception cref="KeyNotFoundException">English lacks the key (a programming error the tests catch).</exception>
    public string Text(string locale, string key, IReadOnlyList<MessageArg> args)
    {
        ArgumentNullException.ThrowIfNull(key);
        string? template = null;
        if (_locales.TryGetValue(locale, out var entries) && !entries.TryGetValue(key, out template) && locale != English)
        {
            Fallbacks[(locale, key)] = true;
        }

        template ??= _locales[English].TryGetValue(key, out var english) ? english : throw new KeyNotFoundException($"The message catalogue has no key \"{key}\".");
        var filled = args.Any(static a => a.Value is CatalogueText)
            ? [.. args.Select(a => a.Value is CatalogueText inner ? a with { Value = Text(locale, inner.Key, inner.Args) } : a)]
            : args;
        return MessageTemplate.Fill(template, Culture(locale), filled);
    }

    /// <summary>Gets the culture numbers and dates of a locale are written in.</summary>
    public static CultureInfo Culture(string locale) => locale == English ? CultureInfo.GetCultureInfo("en-US") : CultureInfo.GetCultureInfo(locale);

    private static MessageCatalogue LoadEmbedded()
    {
        var assembly = typeof(MessageCatalogue).Assembly;
        const string prefix = "MjBot.Core.Localization.Catalogues.";
        var locales = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(static n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            locales[name[prefix.Length..^".json".Length]] = JsonSerializer.Deserialize(stream, CatalogueJsonContext.Default.DictionaryStringString)!;
        }

        return new MessageCatalogue(locales);
    }
}
