namespace MjBot.RemoteLinks.Tests;

public sealed class LinkFetchOptionsValidatorTests
{
    [Theory]
    [InlineData("https://images.example")]
    [InlineData("images.example:8080")]
    [InlineData(" ")]
    public void Validate_TrustedHostNotABareName_FailsNamingTheSetting(string host)
    {
        var result = new LinkFetchOptionsValidator().Validate(null, new LinkFetchOptions { TrustedLinkHosts = [host] });

        Assert.Contains("Moderation:TrustedLinkHosts", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1023)]
    [InlineData(64L * 1024 * 1024 + 1)]
    public void Validate_DownloadCapOutOfRange_FailsNamingTheSetting(long bytes)
    {
        var result = new LinkFetchOptionsValidator().Validate(null, new LinkFetchOptions { MaxImageDownloadBytes = bytes });

        Assert.Contains("Moderation:MaxImageDownloadBytes", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoTimeLimit_FailsNamingTheSettings()
    {
        var result = new LinkFetchOptionsValidator().Validate(null, new LinkFetchOptions { TotalTimeout = TimeSpan.Zero });

        Assert.Contains("Moderation:TotalTimeout", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new LinkFetchOptionsValidator().Validate(null, new LinkFetchOptions()).Succeeded);
    }
}
