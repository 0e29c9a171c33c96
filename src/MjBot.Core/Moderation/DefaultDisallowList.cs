using MjBot.Core.Localization;

namespace MjBot.Core.Moderation;

/// <summary>The built-in list every server starts with (it may extend it with its own rules or switch it off).</summary>
public static class DefaultDisallowList
{
    public const string Violence = "violence and gore";
    public const string Sexual = "nudity and sexual content";
    public const string Adult = "adult themes";

    /// <summary>Gets a rule's category as members read it: the built-in list's categories in their language, a
    /// server's own as its moderators typed it.</summary>
    public static CatalogueText CategoryText(string category) => category switch
    {
        Violence => CatalogueText.Of("category.violence"),
        Sexual => CatalogueText.Of("category.sexual"),
        Adult => CatalogueText.Of("category.adult"),
        _ => CatalogueText.Of("category.own", ("name", category)),
    };

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

        // Korean: word rules take the particles and suffixes Korean attaches (폭력적인, 누드를); no one-syllable terms
        // such as 피 or 칼, which belong to a server's own list where it wants them.
        new("폭력", MatchMode.Word, RuleAction.Block, Violence),
        new("유혈", MatchMode.Word, RuleAction.Block, Violence),
        new("고어", MatchMode.Word, RuleAction.Block, Violence),
        new("누드", MatchMode.Word, RuleAction.Block, Sexual),
        new("나체", MatchMode.Word, RuleAction.Block, Sexual),
        new("음란", MatchMode.Word, RuleAction.Block, Sexual),
        new("선정적", MatchMode.Word, RuleAction.Block, Sexual),
        new("성인물", MatchMode.Word, RuleAction.Block, Adult),

        // Japanese: matched anywhere (no spaces between words), so only terms that are not part of common words.
        new("暴力", MatchMode.Word, RuleAction.Block, Violence),
        new("流血", MatchMode.Word, RuleAction.Block, Violence),
        new("ヌード", MatchMode.Word, RuleAction.Block, Sexual),
        new("全裸", MatchMode.Word, RuleAction.Block, Sexual),
        new("アダルト", MatchMode.Word, RuleAction.Block, Adult),
    ];
}
