using Microsoft.Extensions.Time.Testing;
using MjBot.Discord.Gateway;
using MjBot.Discord.Models;

namespace MjBot.Discord.Tests.Gateway;

public sealed class GatewayTimingTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Heartbeat_FirstBeat_ComesAfterIntervalTimesJitterThenEveryInterval()
    {
        var sut = new HeartbeatMonitor(_time, TimeSpan.FromMilliseconds(41250), jitter: 0.25);

        Assert.Equal(TimeSpan.FromMilliseconds(10312.5), sut.UntilDue);
        _time.Advance(sut.UntilDue);
        Assert.Equal(HeartbeatAction.Send, sut.Due());
        Assert.Equal(TimeSpan.FromMilliseconds(41250), sut.UntilDue);
    }

    [Fact]
    public void Heartbeat_AckedBeats_KeepGoingAndMeasureLatency()
    {
        var sut = new HeartbeatMonitor(_time, TimeSpan.FromSeconds(40), jitter: 0);
        for (var i = 0; i < 3; i++)
        {
            _time.Advance(sut.UntilDue);
            Assert.Equal(HeartbeatAction.Send, sut.Due());
            _time.Advance(TimeSpan.FromMilliseconds(35));
            sut.Acknowledged();
        }

        Assert.Equal(TimeSpan.FromMilliseconds(35), sut.Latency);
    }

    [Fact]
    public void Heartbeat_NoAckBeforeTheNextBeat_IsAZombie()
    {
        var sut = new HeartbeatMonitor(_time, TimeSpan.FromSeconds(40), jitter: 0);
        Assert.Equal(HeartbeatAction.Send, sut.Due());

        _time.Advance(TimeSpan.FromSeconds(40));

        Assert.Equal(HeartbeatAction.Zombie, sut.Due());
    }

    [Fact]
    public void Heartbeat_RequestedByServer_BeatsAtOnceWithoutMovingTheSchedule()
    {
        var sut = new HeartbeatMonitor(_time, TimeSpan.FromSeconds(40), jitter: 0.5);
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(HeartbeatAction.Send, sut.Due(requestedByServer: true));
        Assert.Equal(TimeSpan.FromSeconds(15), sut.UntilDue);
    }

    [Fact]
    public void SendLimiter_KeepsTenOfTheHundredAndTwentyForHeartbeats()
    {
        var sut = new GatewaySendLimiter(_time);
        for (var i = 0; i < 110; i++)
        {
            Assert.Equal(TimeSpan.Zero, sut.Reserve(heartbeat: false));
        }

        Assert.Equal(TimeSpan.FromMinutes(1), sut.Reserve(heartbeat: false));
        Assert.All(Enumerable.Range(0, 10), _ => Assert.Equal(TimeSpan.Zero, sut.Reserve(heartbeat: true)));
        Assert.Equal(TimeSpan.FromMinutes(1), sut.Reserve(heartbeat: true));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.Zero, sut.Reserve(heartbeat: false));
    }

    [Fact]
    public void IdentifyBudget_AlmostSpent_WaitsForTheResetInsteadOfBurningTheLast()
    {
        var sut = new IdentifyBudget(_time);
        sut.Update(new SessionStartLimit(1000, 2, ResetAfter: 3_600_000, MaxConcurrency: 1));

        Assert.Equal(TimeSpan.Zero, sut.Reserve());
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromMilliseconds(3_600_000 - 5_000), sut.Reserve());
    }

    [Fact]
    public void IdentifyBudget_MaxConcurrency_SpacesIdentifiesFiveSecondsApart()
    {
        var sut = new IdentifyBudget(_time);
        sut.Update(new SessionStartLimit(1000, 999, ResetAfter: 86_400_000, MaxConcurrency: 1));

        Assert.Equal(TimeSpan.Zero, sut.Reserve());
        Assert.Equal(TimeSpan.FromSeconds(5), sut.Reserve());
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, sut.Reserve());
    }
}
