using MjBot.Configuration;
using MjBot.Core.Jobs;

namespace MjBot.Tests.Configuration;

public sealed class OptionsValidatorTests
{
    [Fact]
    public void Validate_OpenAIDefaultWithoutKey_AsksForTheKey()
    {
        var result = new BackendsOptionsValidator([]).Validate(null, new BackendsOptions { Default = "openai" });

        Assert.Contains("Backends:OpenAI:ApiKey is missing while Backends:Default is \"openai\"", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownDefault_NamesTheBackendsRegistered()
    {
        var result = new BackendsOptionsValidator([new BackendRegistration("onnx")]).Validate(null, new BackendsOptions { Default = "dalle" });

        Assert.StartsWith("Backends:Default", result.FailureMessage, StringComparison.Ordinal);
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
        Assert.True(new ModerationOptionsValidator().Validate(null, new ModerationOptions()).Succeeded);
        Assert.False(new ModerationOptionsValidator().Validate(null, new ModerationOptions { RegexTimeoutMilliseconds = 1 }).Succeeded);
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
