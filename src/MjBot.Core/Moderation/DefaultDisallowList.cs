namespace MjBot.Core.Moderation;

/// <summary>The built-in list every server starts with (it may extend it with its own rules or switch it off).</summary>
public static class DefaultDisallowList
{
    public const string Violence = "violence and gore";
    public const string Sexual = "nudity and sexual content";
    public const string Adult = "adult themes";

    public static IReadOnlyList<DisallowRule> Rules { get; } =
    [
        new("swords", MatchMode.Word, RuleAction.Block, Violence),
        new("violence", MatchMode.Word, RuleAction.Block, Violence),
        new("blood", MatchMode.Word, RuleAction.Block, Violence),
        new("gore", MatchMode.Word, RuleAction.Block, Violence),
        new("nudity", MatchMode.Word, RuleAction.Block, Sexual),
        new("sexual content", MatchMode.Phrase, RuleAction.Block, Sexual),
        new("adult content", MatchMode.Phrase, RuleAction.Block, Sexual),
        new("adult themes", MatchMode.Phrase, RuleAction.Block, Adult),
        new("adult language", MatchMode.Phrase, RuleAction.Block, Adult),
        new("adult humor", MatchMode.Phrase, RuleAction.Block, Adult),
        new("adult jokes", MatchMode.Phrase, RuleAction.Block, Adult),
        new("adult situations", MatchMode.Phrase, RuleAction.Block, Adult),
    ];
}
