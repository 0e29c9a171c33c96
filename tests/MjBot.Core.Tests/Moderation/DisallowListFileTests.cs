using System.Text;
using MjBot.Core.Moderation;

namespace MjBot.Core.Tests.Moderation;

public sealed class DisallowListFileTests
{
    [Fact]
    public void Read_WhatWriteExported_GivesBackEveryRule()
    {
        DisallowRule[] rules = [new("pineapple", MatchMode.Word, RuleAction.Block, "fruit"), new("red fox", MatchMode.Phrase, RuleAction.Review, "animals")];

        var entries = DisallowListFile.Read(DisallowListFile.Write(useDefaultList: false, rules));

        Assert.Equal(
            [(1, "pineapple", MatchMode.Word, RuleAction.Block, "fruit", null), (2, "red fox", MatchMode.Phrase, RuleAction.Review, "animals", null)],
            entries);
    }

    [Fact]
    public void Read_PlainTextWithCommentsAndABom_OneBlockedWordPerLine()
    {
        var entries = DisallowListFile.Read(Encoding.UTF8.GetBytes("\uFEFF# fruit\npineapple\n\n  mango  \n"));

        Assert.Equal([(2, "pineapple", MatchMode.Word, RuleAction.Block, null, null), (4, "mango", MatchMode.Word, RuleAction.Block, null, null)], entries);
    }

    [Fact]
    public void Read_BadEntries_EachGetsASentenceAndTheGoodOnesStay()
    {
        var json = """[{"term":"ok"},{"mode":"word"},{"term":"x","mode":"fuzzy"},{"term":"y","action":"ban"}]""";

        var entries = DisallowListFile.Read(Encoding.UTF8.GetBytes(json));

        Assert.Equal(
            [null, "the entry has no \"term\" string", "unknown mode \"fuzzy\" (word, phrase or regex)", "unknown action \"ban\" (block or review)"],
            entries.Select(static e => e.Problem?.Reason));
    }

    [Fact]
    public void Read_BrokenJson_OneSentenceNamingTheLine()
    {
        var entry = Assert.Single(DisallowListFile.Read(Encoding.UTF8.GetBytes("{\n\"rules\": [")));

        Assert.StartsWith("the file is not valid JSON", entry.Problem!.Reason, StringComparison.Ordinal);
        Assert.Null(entry.Term);
    }
}
