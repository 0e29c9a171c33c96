using MjBot.Core.Prompting.Grammar;

namespace MjBot.Core.Prompting;

/// <summary>What <c>--model</c> accepts as a model alias: lower-case letters, digits, <c>.</c>, <c>_</c> and <c>-</c>.</summary>
public static class ModelAliasName
{
    /// <summary>Gets whether <paramref name="alias"/> is one <c>--model</c> can name.</summary>
    public static bool IsWellFormed(string alias) => !string.IsNullOrEmpty(alias) && ValueGrammar.ModelAlias.TryParseWhole(alias, out _);

    /// <summary>Makes an alias of any name: lower-cased, other characters turned into <c>-</c>, runs of them merged,
    /// trimmed at both ends; <c>model</c> when nothing is left.</summary>
    public static string From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var chars = name.ToLowerInvariant().Select(static c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-' ? c : '-').ToArray();
        var alias = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries)).Trim('.', '_', '-');
        return alias.Length == 0 ? "model" : alias;
    }
}
