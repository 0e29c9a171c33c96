using System.Text.RegularExpressions;
using MjBot.Discord.Models;

namespace MjBot.Discord.Commands;

/// <summary>Discord's rules for command definitions, checked before they are sent: names (and their localizations)
/// 1–32 characters of letters, digits, <c>-</c>, <c>_</c>, <c>'</c>, Devanagari and Thai, lower case where the letter
/// has a lower case; descriptions and choice names 1–100 characters; localizations only for Discord's locales; at
/// most 25 options and 25 choices a level, with names unique within it.</summary>
public static partial class CommandDefinitionRules
{
    /// <summary>Gets Discord's locales (what a localization may be keyed by).</summary>
    public static IReadOnlySet<string> Locales { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl", "no", "pl", "pt-BR", "ro", "fi",
        "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th", "zh-CN", "ja", "zh-TW", "ko",
    };

    /// <summary>Lists what breaks the rules, one sentence each; empty when everything may be registered.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<ApplicationCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var problems = new List<string>();
        Unique(commands.Select(static c => c.Name), "commands", problems);
        foreach (var command in commands)
        {
            Check(command.Name, command.NameLocalizations, command.Description, command.DescriptionLocalizations, $"/{command.Name}", problems);
            Options(command.Options, $"/{command.Name}", problems);
        }

        return problems;
    }

    private static void Options(IReadOnlyList<ApplicationCommandOption>? options, string where, List<string> problems)
    {
        if (options is null)
        {
            return;
        }

        if (options.Count > 25)
        {
            problems.Add($"{where} has {options.Count} options; Discord allows 25.");
        }

        Unique(options.Select(static o => o.Name), where, problems);
        foreach (var option in options)
        {
            var path = $"{where} {option.Name}";
            Check(option.Name, option.NameLocalizations, option.Description, option.DescriptionLocalizations, path, problems);
            if (option.Choices is { } choices)
            {
                if (choices.Count > 25)
                {
                    problems.Add($"{path} has {choices.Count} choices; Discord allows 25.");
                }

                foreach (var choice in choices)
                {
                    Text(choice.Name, 100, $"{path} choice \"{choice.Name}\"", problems);
                    foreach (var (locale, name) in choice.NameLocalizations ?? new Dictionary<string, string>())
                    {
                        Locale(locale, path, problems);
                        Text(name, 100, $"{path} choice \"{choice.Name}\" in {locale}", problems);
                    }
                }
            }

            Options(option.Options, path, problems);
        }
    }

    private static void Check(string name, IReadOnlyDictionary<string, string>? names, string description, IReadOnlyDictionary<string, string>? descriptions, string where, List<string> problems)
    {
        Name(name, where, problems);
        Text(description, 100, $"{where} description", problems);
        foreach (var (locale, localized) in names ?? new Dictionary<string, string>())
        {
            Locale(locale, where, problems);
            Name(localized, $"{where} in {locale}", problems);
        }

        foreach (var (locale, localized) in descriptions ?? new Dictionary<string, string>())
        {
            Locale(locale, where, problems);
            Text(localized, 100, $"{where} description in {locale}", problems);
        }
    }

    private static void Name(string name, string where, List<string> problems)
    {
        if (!NamePattern().IsMatch(name))
        {
            problems.Add($"{where}: the name \"{name}\" must be 1 to 32 letters, digits, '-', '_' or \"'\" (no spaces).");
        }
        else if (name != name.ToLowerInvariant())
        {
            problems.Add($"{where}: the name \"{name}\" must be lower case.");
        }
    }

    private static void Text(string text, int limit, string where, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > limit)
        {
            problems.Add($"{where} must be 1 to {limit} characters, not {text.Length}.");
        }
    }

    private static void Locale(string locale, string where, List<string> problems)
    {
        if (!Locales.Contains(locale))
        {
            problems.Add($"{where}: \"{locale}\" is not a Discord locale.");
        }
    }

    private static void Unique(IEnumerable<string> names, string where, List<string> problems)
    {
        foreach (var twice in names.GroupBy(static n => n, StringComparer.Ordinal).Where(static g => g.Count() > 1))
        {
            problems.Add($"{where}: the name \"{twice.Key}\" is used twice.");
        }
    }

    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
