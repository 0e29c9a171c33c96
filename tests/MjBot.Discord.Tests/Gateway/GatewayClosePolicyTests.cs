using MjBot.Discord.Gateway;

namespace MjBot.Discord.Tests.Gateway;

public sealed class GatewayClosePolicyTests
{
    [Theory]
    [InlineData(null, GatewayCloseAction.Resume)]
    [InlineData(4000, GatewayCloseAction.Resume)]
    [InlineData(4001, GatewayCloseAction.Resume)]
    [InlineData(4002, GatewayCloseAction.Resume)]
    [InlineData(4003, GatewayCloseAction.Identify)]
    [InlineData(4004, GatewayCloseAction.Stop)]
    [InlineData(4005, GatewayCloseAction.Identify)]
    [InlineData(4006, GatewayCloseAction.Resume)]
    [InlineData(4007, GatewayCloseAction.Identify)]
    [InlineData(4008, GatewayCloseAction.Resume)]
    [InlineData(4009, GatewayCloseAction.Identify)]
    [InlineData(4010, GatewayCloseAction.Stop)]
    [InlineData(4011, GatewayCloseAction.Stop)]
    [InlineData(4012, GatewayCloseAction.Stop)]
    [InlineData(4013, GatewayCloseAction.Stop)]
    [InlineData(4014, GatewayCloseAction.Stop)]
    [InlineData(1000, GatewayCloseAction.Resume)]
    [InlineData(1011, GatewayCloseAction.Resume)]
    public void Decide_EveryCloseCode_FollowsThePolicyTable(int? code, GatewayCloseAction action)
    {
        Assert.Equal(action, GatewayClosePolicy.Decide(code).Action);
    }

    [Fact]
    public void Decide_BadToken_SaysSoInOneSentenceWithTheFix()
    {
        Assert.Equal(
            "Discord rejected the bot token (4004): set a valid Discord:Token (Developer Portal → your application → Bot → Reset Token)",
            GatewayClosePolicy.Decide(4004).Reason);
    }
}
