using MjBot.Core.Moderation;
using MjBot.Core.Prompting;

namespace MjBot.Core.Tests.Moderation;

public sealed class ModerationRuleSetTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private static ModerationRuleSet Set(params DisallowRule[] rules) => ModerationRuleSet.Compile(rules, Timeout, out _);

    private static DisallowRule Word(string term, RuleAction action = RuleAction.Block, string category = "test") => new(term, MatchMode.Word, action, category);

    private static bool Blocks(ModerationRuleSet set, string prompt) => set.Check([prompt]) is ModerationVerdict.Matched;

    [Theory]
    [InlineData("a nude woman")]
    [InlineData("a NUDE woman")]
    [InlineData("a ｎｕｄｅ woman")] // full-width letters (NFKC)
    [InlineData("a nüdé woman")] // diacritics
    [InlineData("a nu\u200Bde woman")] // zero-width space
    [InlineData("a nu\u00ADde woman")] // soft hyphen
    [InlineData("a n.u.d.e woman")]
    [InlineData("a n-u-d-e woman")]
    [InlineData("a n_u_d_e woman")]
    [InlineData("a n u d e woman")]
    [InlineData("a n. u. d. e. woman")]
    [InlineData("a nuuuuude woman")] // repeated letters
    [InlineData("a NNUUDDEE woman")]
    [InlineData("a nud3 woman")] // leetspeak
    [InlineData("a ñüd3 woman")]
    [InlineData("a nudе woman")] // Cyrillic е inside a Latin word
    [InlineData("a ⓝⓤⓓⓔ woman")] // circled letters
    [InlineData("nudes")] // plural
    [InlineData("the nude's pose")] // possessive
    [InlineData("nude")]
    [InlineData("(nude:1.4), masterpiece")]
    public void Check_EvasionOfAWordRule_Matches(string prompt)
    {
        Assert.True(Blocks(Set(Word("nude")), prompt), prompt);
    }

    [Theory]
    [InlineData("s3x", "sex")]
    [InlineData("$ex", "sex")]
    [InlineData("5ex", "sex")]
    [InlineData("@ss", "ass")]
    [InlineData("a$$", "ass")]
    [InlineData("a s s", "ass")]
    [InlineData("4ss", "ass")]
    [InlineData("g0r3", "gore")]
    [InlineData("7i7s", "tits")]
    [InlineData("bl00d", "blood")]
    [InlineData("ßlood", "sslood")] // ß folds to ss like any other casing
    [InlineData("crème brûlée", "creme brulee")]
    public void Check_LeetAndFoldedSpellings_Match(string prompt, string term)
    {
        Assert.True(Blocks(Set(Word(term)), prompt), $"{prompt} / {term}");
    }

    [Theory]
    [InlineData("ass", "a class photo of students")]
    [InlineData("ass", "assassin's creed poster")]
    [InlineData("ass", "a glass of water, bass guitar, passing clouds")]
    [InlineData("ass", "as good as it gets, as seen on tv")]
    [InlineData("ass", "assess the embassy's brass compass")]
    [InlineData("ass", "a s")]
    [InlineData("sex", "Sussex countryside, Essex coast, a sextant and a sextet")]
    [InlineData("cock", "a cocktail with peacock feathers and a cockpit view")]
    [InlineData("cunt", "Scunthorpe town centre")]
    [InlineData("rape", "grapes on a drape, a therapist's office")]
    [InlineData("anal", "an analysis of canals")]
    [InlineData("tit", "a title and a titan with a tithe")]
    [InlineData("nude", "a nudibranch in the sea")]
    [InlineData("gore", "a gorilla in Gorey")]
    [InlineData("swords", "a swordfish, crossword puzzle")]
    [InlineData("violence", "nonviolence rally")]
    [InlineData("blood", "bloodhound puppy")]
    [InlineData("sex", "a 1950s photo, 4k, 35mm, f/1.4, 1920x1080")]
    [InlineData("ass", "Bass Strait, mass, lass, sass")]
    [InlineData("hell", "hello shell, seashells")]
    public void Check_CommonWordsContainingATerm_DoNotMatch(string term, string prompt)
    {
        Assert.False(Blocks(Set(Word(term)), prompt), $"{term} / {prompt}");
    }

    [Fact]
    public void Check_GreatTitIsStillAMatchForTit_BecauseWordModeIsLiteral()
    {
        // Documented limit of word lists: the bird is caught. Moderators use a phrase or a regex for such terms.
        Assert.True(Blocks(Set(Word("tit")), "a great tit on a branch"));
    }

    [Theory]
    [InlineData("adult content", "lots of adult content here", true)]
    [InlineData("adult content", "adult   CONTENT", true)]
    [InlineData("adult content", "adult, content", true)]
    [InlineData("adult content", "a.d.u.l.t content", true)]
    [InlineData("adult content", "content for adults", false)]
    [InlineData("adult content", "adult contentment", false)]
    [InlineData("adult content", "adultcontent", false)]
    public void Check_PhraseRule_MatchesWordsInOrder(string term, string prompt, bool expected)
    {
        var set = Set(new DisallowRule(term, MatchMode.Phrase, RuleAction.Block, "x"));
        Assert.Equal(expected, Blocks(set, prompt));
    }

    [Fact]
    public void Check_RegexRule_SeesTheNormalisedPrompt()
    {
        var set = Set(new DisallowRule(@"\bfox(es)?\b.*\bsnow\b", MatchMode.Regex, RuleAction.Review, "x"));

        Assert.True(Blocks(set, "A FÖX in the SNOW"));
        Assert.False(Blocks(set, "snow then a fox"));
    }

    [Fact]
    public void Check_CatastrophicRegex_TimesOutAndCountsAsAMatch()
    {
        var set = ModerationRuleSet.Compile([new DisallowRule(@"(x+x+)+y", MatchMode.Regex, RuleAction.Review, "x")], TimeSpan.FromMilliseconds(5), out _);

        var verdict = set.Check([new string('x', 40)]);

        var matched = Assert.IsType<ModerationVerdict.Matched>(verdict);
        Assert.True(matched.TimedOut);
    }

    [Fact]
    public void Check_ReviewAndBlockBothMatch_BlockWins()
    {
        var set = Set(Word("fox", RuleAction.Review, "animals"), Word("snow", RuleAction.Block, "weather"));

        var verdict = Assert.IsType<ModerationVerdict.Matched>(set.Check(["a fox", "in the snow"]));

        Assert.Equal("weather", verdict.Rule.Category);
        Assert.False(verdict.TimedOut);
    }

    [Fact]
    public void Check_NoRuleMatches_Allowed()
    {
        Assert.Same(ModerationVerdict.Allowed, Set(Word("nude")).Check(["a red fox in snow"]));
    }

    [Fact]
    public void Check_DefaultList_CatchesItsTermsAndSparesOrdinaryPrompts()
    {
        var set = Set([.. DefaultDisallowList.Rules]);

        Assert.True(Blocks(set, "two knights with swords"));
        Assert.True(Blocks(set, "b-l-o-o-d on the floor"));
        Assert.True(Blocks(set, "ADULT   situations"));
        Assert.False(Blocks(set, "a cozy cabin in the woods, golden hour --ar 16:9"));
        Assert.False(Blocks(set, "a bloodhound and a swordfish"));
        Assert.True(Blocks(set, "폭력적인 장면"));
        Assert.True(Blocks(set, "누드를 그린"));
        Assert.True(Blocks(set, "女性のヌード写真"));
        Assert.False(Blocks(set, "피자 먹는 아이, 칼국수 한 그릇"));
        Assert.False(Blocks(set, "裸足の少女"));
    }

    [Fact]
    public void Check_ParsedRequest_ReadsPermutationsAndImageFileNamesButNotNegatives()
    {
        var set = Set(Word("nude"), Word("trees"), Word("bikini"));
        var parsed = Parse("a {red, blue} fox --no trees");
        var images = Parse("https://example.com/pics/nude.png a fox");
        var sref = Parse("a fox --sref https://example.com/x/bikini%20shot.png");
        var negativeWeight = Parse("a fox:: trees::-0.5");

        Assert.Same(ModerationVerdict.Allowed, set.Check(ModeratedText.Of(parsed)));
        Assert.IsType<ModerationVerdict.Matched>(set.Check(ModeratedText.Of(images)));
        Assert.IsType<ModerationVerdict.Matched>(set.Check(ModeratedText.Of(sref)));
        Assert.Same(ModerationVerdict.Allowed, set.Check(ModeratedText.Of(negativeWeight)));
        Assert.Equal(2, ModeratedText.Of(parsed).Count());
    }

    [Fact]
    public void Check_PermutationThatExpandsToATerm_Matches()
    {
        var set = Set(Word("nude"));

        Assert.IsType<ModerationVerdict.Matched>(set.Check(ModeratedText.Of(Parse("a {clothed, nude} figure"))));
    }

    private static PromptParseResult.Success Parse(string prompt) => Assert.IsType<PromptParseResult.Success>(PromptParser.Parse(prompt));
}
