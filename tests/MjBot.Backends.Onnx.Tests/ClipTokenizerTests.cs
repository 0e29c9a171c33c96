using MjBot.Backends.Onnx.Tokenization;
using MjBot.Testing;

namespace MjBot.Backends.Onnx.Tests;

public sealed class ClipTokenizerTests
{
    private static readonly Lazy<ClipTokenizer> Sd15 = new(() => ClipTokenizer.Load(RepositoryPaths.InTestData("clip", "sd15_tokenizer")));

    private static int[] Content(string text)
    {
        var ids = Sd15.Value.Encode(text).Ids;
        return [.. ids.Skip(1).TakeWhile(static id => id != 49407)];
    }

    [Fact]
    public void Encode_PhotoOfACat_MatchesClipsReferenceIds()
    {
        var tokens = Sd15.Value.Encode("a photo of a cat");
        Assert.Equal([49406, 320, 1125, 539, 320, 2368, 49407], tokens.Ids.Take(7));
        Assert.Equal(77, tokens.Ids.Count);
        Assert.All(tokens.Ids.Skip(7), static id => Assert.Equal(49407, id));
        Assert.Equal(5, tokens.Count);
        Assert.False(tokens.Truncated);
        Assert.Equal(string.Empty, tokens.CutWords);
    }

    [Fact]
    public void Encode_UpperCaseAndExtraSpaces_SameAsCleanText() =>
        Assert.Equal(Content("a photo of a cat"), Content("  A   PHOTO\tof a\nCat "));

    [Fact]
    public void Encode_HtmlEntities_UnescapedBeforeTokenizing() =>
        Assert.Equal(Content("salt & pepper"), Content("salt &amp; pepper"));

    [Fact]
    public void Encode_DoubleEscapedEntity_UnescapedTwiceLikeClip() =>
        Assert.Equal(Content("salt & pepper"), Content("salt &amp;amp; pepper"));

    [Fact]
    public void Encode_Mojibake_RepairedBeforeLowerCasing() =>
        Assert.Equal(Content("café"), Content("CafÃ©"));

    [Fact]
    public void Encode_Digits_EachDigitIsItsOwnToken()
    {
        var ids = Content("1999");
        Assert.Equal(4, ids.Length);
        Assert.Equal(Content("1"), ids[..1]);
        Assert.Equal(Content("9"), ids[1..2]);
    }

    [Fact]
    public void Encode_Contraction_SplitsLikeClip() =>
        Assert.Equal(Content("it").Concat(Content("'s")), Content("it's"));

    [Fact]
    public void Encode_LongPrompt_TruncatesTo75AndNamesTheCutWords()
    {
        var words = string.Join(' ', Enumerable.Repeat("cat", 80)) + " zebra";
        var tokens = Sd15.Value.Encode(words);
        Assert.Equal(77, tokens.Ids.Count);
        Assert.Equal(81, tokens.Count);
        Assert.True(tokens.Truncated);
        Assert.Equal(49407, tokens.Ids[76]);
        Assert.Equal(string.Join(' ', Enumerable.Repeat("cat", 5)) + " zebra", tokens.CutWords);
    }

    [Fact]
    public void Encode_Exactly75Tokens_NotTruncated()
    {
        var tokens = Sd15.Value.Encode(string.Join(' ', Enumerable.Repeat("cat", 75)));
        Assert.Equal(75, tokens.Count);
        Assert.False(tokens.Truncated);
        Assert.Equal(49407, tokens.Ids[76]);
    }
}
