namespace MjBot.Discord.Tests;

public sealed class DiscordOptionsValidatorTests
{
    [Theory]
    [InlineData(null, "Discord:Token is missing")]
    [InlineData("  ", "Discord:Token is missing")]
    [InlineData("Bot a.b.c", "remove the leading \"Bot \"")]
    [InlineData("abc.def\n.ghi", "contains spaces or line breaks")]
    [InlineData("just-one-part", "does not look like a bot token")]
    [InlineData("a..c", "does not look like a bot token")]
    public void Validate_BadToken_NamesTheSettingAndTheFix(string? token, string expected)
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { Token = token });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Validate_MaxRetriesOutOfRange_NamesTheSetting(int retries)
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { Token = "a.b.c", MaxRetries = retries });

        Assert.Contains("Discord:MaxRetries", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TokenWithDefaults_Succeeds()
    {
        Assert.True(new DiscordOptionsValidator().Validate(null, new DiscordOptions { Token = "a.b.c" }).Succeeded);
    }
}
