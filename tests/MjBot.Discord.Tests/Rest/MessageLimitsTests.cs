using MjBot.Discord.Models;
using MjBot.Discord.Rest;

namespace MjBot.Discord.Tests.Rest;

public sealed class MessageLimitsTests
{
    [Fact]
    public void Check_MidjourneyGridMessage_Passes()
    {
        var rows = new[] { "upscale", "vary" }.Select(action => new Component(1)
        {
            Components = [.. Enumerable.Range(1, 4).Select(i => new Component(2) { Style = 2, Label = $"{action[0]}{i}".ToUpperInvariant(), CustomId = $"{action}:123456789012345678:{i}" })],
        }).ToList();

        MessageLimits.Check(new InteractionCallbackData { Content = new string('a', 2000), Components = rows });
    }

    [Theory]
    [InlineData(2001, 5, 5, 100, "the content is 2001 characters; Discord allows 2000")]
    [InlineData(10, 6, 1, 10, "6 component rows; Discord allows 5")]
    [InlineData(10, 1, 6, 10, "row 1 has 6 buttons; Discord allows 5")]
    [InlineData(10, 1, 1, 101, "the custom_id of a component in row 1 is 101 characters; Discord allows 1–100")]
    public void Check_OverALimit_NamesIt(int contentLength, int rows, int buttons, int customIdLength, string problem)
    {
        var data = new InteractionCallbackData
        {
            Content = new string('a', contentLength),
            Components = [.. Enumerable.Range(0, rows).Select(_ => new Component(1)
            {
                Components = [.. Enumerable.Range(0, buttons).Select(_ => new Component(2) { Style = 1, Label = "x", CustomId = new string('c', customIdLength) })],
            })],
        };

        var error = Assert.Throws<DiscordLimitException>(() => MessageLimits.Check(data));

        Assert.Contains(problem, error.Problems);
    }

    [Fact]
    public void Check_SeveralBrokenLimits_NamesEveryOne()
    {
        var data = new InteractionCallbackData { Content = new string('a', 3000), Title = new string('t', 46), CustomId = "" };

        var error = Assert.Throws<DiscordLimitException>(() => MessageLimits.Check(data));

        Assert.Equal(3, error.Problems.Count);
        Assert.StartsWith("Not sent: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SelectWithOtherComponentsInItsRow_IsRefused()
    {
        var data = new InteractionCallbackData
        {
            Components = [new Component(1) { Components = [new Component(3) { CustomId = "s", Options = [new SelectOption("a", "a")] }, new Component(2) { Style = 1, Label = "b", CustomId = "b" }] }],
        };

        Assert.Contains("row 1 holds a select menu with other components; a select needs a row of its own", Assert.Throws<DiscordLimitException>(() => MessageLimits.Check(data)).Problems);
    }

    [Fact]
    public void Check_FilesOverThePerFileOrPerRequestLimit_AreRefused()
    {
        UploadFile File(string name, int mib) => new(name, new byte[mib * 1024 * 1024]);

        var tooBig = Assert.Throws<DiscordLimitException>(() => MessageLimits.Check(new InteractionCallbackData(), [File("fox.png", 11)]));
        var tooMuch = Assert.Throws<DiscordLimitException>(() => MessageLimits.Check(new InteractionCallbackData(), [File("a.png", 9), File("b.png", 9), File("c.png", 9)]));
        var boosted = Record.Exception(() => MessageLimits.Check(new InteractionCallbackData(), [File("fox.png", 11)], fileLimitBytes: 50L * 1024 * 1024));

        Assert.Equal(["fox.png is 11.0 MiB; Discord accepts at most 10.0 MiB per file here"], tooBig.Problems);
        Assert.Equal(["the files add up to 27.0 MiB; Discord accepts at most 25.0 MiB per request"], tooMuch.Problems);
        Assert.Null(boosted);
    }
}
