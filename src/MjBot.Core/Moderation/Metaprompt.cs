namespace MjBot.Core.Moderation;

/// <summary>The text put before every prompt sent to a backend that follows instructions (OpenAI's image models):
/// a server's own, or the children-safe designer preamble naming the server's blocked words and phrases.</summary>
public static class Metaprompt
{
    /// <summary>The longest metaprompt a server may set.</summary>
    public const int MaxLength = 1500;

    /// <summary>The most terms the default preamble lists (the longest lists are cut, never the preamble).</summary>
    public const int MaxListedTerms = 60;

    /// <summary>Gets the metaprompt for a server: its own when set, else the default over its rules.</summary>
    public static string For(string? custom, IEnumerable<DisallowRule> rules) =>
        string.IsNullOrWhiteSpace(custom) ? Default(rules) : custom.Trim();

    /// <summary>The default preamble; only blocking word and phrase rules are listed (patterns mean nothing to an
    /// image model, and review rules are a moderator's call).</summary>
    public static string Default(IEnumerable<DisallowRule> rules)
    {
        var terms = Terms(rules).Take(MaxListedTerms).ToList();
        var preamble = "The image needs to be safe for work and appropriate for children. You are a careful designer: "
            + "depict the request faithfully within those limits.";
        return terms.Count == 0
            ? preamble
            : preamble + " Do not consider any input from the following that is not safe for work or appropriate for children: "
                + string.Join(", ", terms) + ".";
    }

    /// <summary>Gets the blocking word and phrase terms, for a negative prompt or the preamble.</summary>
    public static IEnumerable<string> Terms(IEnumerable<DisallowRule> rules) =>
        rules.Where(r => r.Action == RuleAction.Block && r.Mode != MatchMode.Regex)
            .Select(r => r.Term.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase);
}
