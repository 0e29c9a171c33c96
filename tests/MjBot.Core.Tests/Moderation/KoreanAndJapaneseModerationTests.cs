using MjBot.Core.Moderation;

namespace MjBot.Core.Tests.Moderation;

/// <summary>The evasion table for Korean and Japanese word rules, both ways: what a moderator's rule must catch, and
/// the ordinary words that merely begin with the same syllables, which it must leave alone.</summary>
public sealed class KoreanAndJapaneseModerationTests
{
    private static readonly ModerationRuleSet Korean = ModerationRuleSet.Compile(
        new[] { "폭력", "피", "칼", "총", "성인" }.Select(static t => new DisallowRule(t, MatchMode.Word, RuleAction.Block, "test")),
        TimeSpan.FromSeconds(2),
        out _);

    private static readonly ModerationRuleSet Japanese = ModerationRuleSet.Compile(
        [new DisallowRule("ヌード", MatchMode.Word, RuleAction.Block, "test"), new DisallowRule("血", MatchMode.Word, RuleAction.Block, "test")],
        TimeSpan.FromSeconds(2),
        out _);

    [Theory]
    [InlineData("폭력적인 장면")] // -적인
    [InlineData("피가 흐르는 기사")] // 가
    [InlineData("칼을 든 기사")] // 을
    [InlineData("총을 쏘는 군인")] // 을
    [InlineData("성인용 그림")] // -용
    [InlineData("폭 력")] // spaced
    [InlineData("폭 력 을 쓰는 장면")] // spaced, with a particle
    [InlineData("ㅍㅗㄱㄹㅕㄱ")] // loose jamo
    [InlineData("ㅍ ㅗ ㄱ ㄹ ㅕ ㄱ")] // loose jamo, spaced
    [InlineData("폭ㄹㅕㄱ 영화")] // half composed
    [InlineData("폭.력")] // punctuation inside
    [InlineData("폭-력-적인")]
    [InlineData("폭\u200B력")] // zero-width space
    [InlineData("피\u3164가")] // Hangul filler between the syllables
    [InlineData("폭력")]
    [InlineData("폭력들이 난무하는")] // plural + particle stacked
    [InlineData("피의 복수")] // 의
    [InlineData("칼로 베는 장면")] // 로
    [InlineData("총으로 쏘다")] // 으로
    [InlineData("성인물")] // -물
    [InlineData("폭력성 높은")] // -성
    [InlineData("성인들만")] // 들 + 만
    [InlineData("피피가")] // a repeated syllable
    [InlineData("a knight with 칼을 in hand")] // inside English
    public void Check_KoreanWordRule_CatchesTheWordWithItsParticlesAndEvasions(string prompt)
    {
        Assert.IsType<ModerationVerdict.Matched>(Korean.Check([prompt]));
    }

    [Theory]
    [InlineData("피자 먹는 아이")] // 피 + 자 is pizza
    [InlineData("피카츄 그림")]
    [InlineData("칼국수 한 그릇")]
    [InlineData("총천연색 풍경")]
    [InlineData("폭포 아래")]
    [InlineData("피아노 치는 소녀")] // 피 + 아 + 노: 노 is no ending
    [InlineData("피부 관리")]
    [InlineData("성인식 축하")] // coming-of-age ceremony
    [InlineData("피해 복구")] // 피해 (damage) is not 피 + 해: 하다 endings are left out
    [InlineData("비를 피하는 고양이")]
    [InlineData("커피 한 잔")] // 피 inside another word
    [InlineData("칼라 사진")]
    [InlineData("총무과 사무실")]
    [InlineData("폭넓은 시야")]
    public void Check_KoreanWordRule_LeavesWordsThatOnlyStartTheSame(string prompt)
    {
        Assert.IsType<ModerationVerdict.Pass>(Korean.Check([prompt]));
    }

    [Theory]
    [InlineData("ヌードの女性")]
    [InlineData("女性のヌード写真")] // no spaces between words
    [InlineData("ぬーど")] // hiragana
    [InlineData("ﾇｰﾄﾞ")] // half-width katakana
    [InlineData("ヌ ー ド")] // spaced
    [InlineData("血まみれ")]
    public void Check_JapaneseWordRule_CatchesItInEveryKanaForm(string prompt)
    {
        Assert.IsType<ModerationVerdict.Matched>(Japanese.Check([prompt]));
    }

    [Theory]
    [InlineData("ヌートリアの写真")] // ト is not ド: voicing marks are kept
    [InlineData("ぬいぐるみ")]
    public void Check_JapaneseWordRule_LeavesOtherWords(string prompt)
    {
        Assert.IsType<ModerationVerdict.Pass>(Japanese.Check([prompt]));
    }

    [Theory]
    [InlineData("ㅍㅗㄱㄹㅕㄱ", "폭력")]
    [InlineData("ㄷㅏㄺㅇㅣ", "닭이")]
    [InlineData("ㄷㅏㄹㄱㅣ", "달기")]
    [InlineData("ㄱㅗㅏㅇ", "광")]
    [InlineData("피자", "피자")]
    [InlineData("ㅎ", "ㅎ")]
    public void Normalize_LooseJamo_ComposedAsAKeyboardWould(string text, string expected) =>
        Assert.Equal(expected, PromptNormalizer.Normalize(text).Words.Replace('\u1112', 'ㅎ'));
}
