using MjBot.Configuration;

namespace MjBot.Tests.Configuration;

public sealed class OptionsValidatorTests
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

    [Fact]
    public void Validate_OpenAIDefaultWithoutKey_AsksForTheKey()
    {
        var result = new BackendsOptionsValidator([]).Validate(null, new BackendsOptions { Default = "openai" });

        Assert.Contains("Backends:OpenAI:ApiKey is missing while Backends:Default is \"openai\"", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BackendsWithSeveralProblems_ReportsEveryOne()
    {
        var options = new BackendsOptions { Default = "dalle" };
        options.OpenAI.Endpoint = "http://plain.example.com";
        options.OpenAI.MaxConcurrency = 0;
        options.Onnx.ExecutionProvider = "rocm";

        var failures = new BackendsOptionsValidator([]).Validate(null, options).Failures!.ToList();

        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, static f => f.StartsWith("Backends:Default", StringComparison.Ordinal));
        Assert.Contains(failures, static f => f.StartsWith("Backends:OpenAI:Endpoint", StringComparison.Ordinal));
        Assert.Contains(failures, static f => f.StartsWith("Backends:OpenAI:MaxConcurrency", StringComparison.Ordinal));
        Assert.Contains(failures, static f => f.StartsWith("Backends:Onnx:ExecutionProvider", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 10, 40, "Queue:MaxRunningPerUser is 0")]
    [InlineData(3, -1, 40, "Queue:MaxWaitingPerUser is -1")]
    [InlineData(3, 10, 101, "Queue:MaxJobsPerCommand is 101")]
    public void Validate_QueueLimitOutOfRange_NamesTheSetting(int running, int waiting, int jobs, string expected)
    {
        var result = new QueueOptionsValidator().Validate(null, new QueueOptions { MaxRunningPerUser = running, MaxWaitingPerUser = waiting, MaxJobsPerCommand = jobs });

        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_AreValid()
    {
        Assert.True(new BackendsOptionsValidator([]).Validate(null, new BackendsOptions()).Succeeded);
        Assert.True(new QueueOptionsValidator().Validate(null, new QueueOptions()).Succeeded);
        Assert.True(new StorageOptionsValidator().Validate(null, new StorageOptions()).Succeeded);
        Assert.True(new ModerationOptionsValidator().Validate(null, new ModerationOptions()).Succeeded);
        Assert.False(new StorageOptionsValidator().Validate(null, new StorageOptions { DataFolder = "" }).Succeeded);
        Assert.False(new ModerationOptionsValidator().Validate(null, new ModerationOptions { RegexTimeoutMilliseconds = 1 }).Succeeded);
    }

    [Theory]
    [InlineData("https://images.example")]
    [InlineData("images.example:8080")]
    [InlineData(" ")]
    public void ModerationValidator_TrustedHostNotABareName_FailsNamingTheSetting(string host)
    {
        var result = new ModerationOptionsValidator().Validate(null, new ModerationOptions { TrustedLinkHosts = [host] });

        Assert.Contains("Moderation:TrustedLinkHosts", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ModerationValidator_AppealsOutOfRange_FailsNamingTheSetting()
    {
        var result = new ModerationOptionsValidator().Validate(null, new ModerationOptions { MaxAppealsPerDay = -1 });

        Assert.Contains("Moderation:MaxAppealsPerDay", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost", 8080, 25, 90, "Operations:HttpAddress")]
    [InlineData("0.0.0.0", 70000, 25, 90, "Operations:HttpPort")]
    [InlineData("127.0.0.1", 8080, -1, 90, "Operations:ShutdownGraceSeconds")]
    [InlineData("127.0.0.1", 8080, 25, -5, "Operations:RetentionDays")]
    public void OperationsValidator_OutOfRange_FailsNamingTheSetting(string address, int port, int grace, int days, string setting)
    {
        var result = new OperationsOptionsValidator().Validate(null, new OperationsOptions { HttpAddress = address, HttpPort = port, ShutdownGraceSeconds = grace, RetentionDays = days });

        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new OperationsOptionsValidator().Validate(null, new OperationsOptions()).Succeeded);
    }
}
