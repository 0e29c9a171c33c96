using MjBot.Core.Security;

namespace MjBot.Core.Tests.Security;

public sealed class SecretRedactorTests
{
    private const string BotToken = "MTA5ODc2NTQzMjEwOTg3NjU0Mw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB";
    private const string InteractionToken = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OTpBQkNERUZHSElKS0xNTk9Q";

    [Theory]
    [InlineData("token " + BotToken + " rejected")]
    [InlineData("Authorization: Bot abcdefghijklmnopqrstuvwxyz123456")]
    [InlineData("POST https://discord.com/api/v10/webhooks/1234567890/" + InteractionToken + "/messages/@original failed")]
    [InlineData("POST /interactions/1234567890/abcdefghijklmnopqrstuvwxyz0123/callback → 404")]
    [InlineData("callback for " + InteractionToken)]
    [InlineData("OpenAI said: Incorrect API key provided: sk-proj-abcdefghijklmnopqrstuvwx1234")]
    public void Redact_TokenShapedText_IsMasked(string text)
    {
        var redacted = SecretRedactor.PatternsOnly.Redact(text);

        Assert.Contains(SecretRedactor.Mask, redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdefghijklmnopqrstuvw", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain(InteractionToken, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_ConfiguredSecretOfAnyShape_IsMasked()
    {
        var sut = new SecretRedactor(["azure-key-0123456789abcdef", null, "short"]);

        Assert.Equal("key [redacted] and short", sut.Redact("key azure-key-0123456789abcdef and short"));
    }

    [Theory]
    [InlineData("a red fox in snow --ar 16:9")]
    [InlineData("job 1234567890123456789 finished in 2.5 s")]
    [InlineData("sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    [InlineData("https://cdn.discordapp.com/attachments/1/2/fox.png?ex=65&is=66&hm=ab")]
    public void Redact_OrdinaryText_IsUnchanged(string text)
    {
        Assert.Equal(text, SecretRedactor.PatternsOnly.Redact(text));
    }

    [Fact]
    public void Redact_Null_IsNull()
    {
        Assert.Null(SecretRedactor.PatternsOnly.Redact(null));
    }
}
