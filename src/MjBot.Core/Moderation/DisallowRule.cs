namespace MjBot.Core.Moderation;

/// <summary>One entry of a server's disallow list, as moderators wrote it.</summary>
/// <param name="Term">The word, phrase or pattern, as typed (normalised only when matched).</param>
/// <param name="Mode">How the term is matched.</param>
/// <param name="Action">Block, or hold for review.</param>
/// <param name="Category">What the member is told the prompt touched ("violence", "this server's rules"), never the
/// term itself.</param>
public sealed record DisallowRule(string Term, MatchMode Mode, RuleAction Action, string Category)
{
    /// <summary>The category given to a server's own rules when moderators name none.</summary>
    public const string ServerRulesCategory = "this server's rules";

    /// <summary>The longest term or pattern accepted.</summary>
    public const int MaxTermLength = 200;

    /// <summary>The longest category accepted.</summary>
    public const int MaxCategoryLength = 60;
}
