using MjBot.Core.Jobs;

namespace MjBot.Core.Tests.Jobs;

public sealed class InteractionTokensTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsUsable_UntilAMinuteBeforeFifteenMinutes_ThenNot()
    {
        var expiry = InteractionTokens.ExpiryFor(T0);

        Assert.Equal(T0.AddMinutes(15), expiry);
        Assert.True(InteractionTokens.IsUsable("token", expiry, T0.AddMinutes(13).AddSeconds(59)));
        Assert.False(InteractionTokens.IsUsable("token", expiry, T0.AddMinutes(14)));
        Assert.False(InteractionTokens.IsUsable(null, expiry, T0));
        Assert.False(InteractionTokens.IsUsable("token", null, T0));
    }

    [Fact]
    public void Answering_AnInteraction_KeepsItsTokenForFifteenMinutesAndTheChannelsFileLimit()
    {
        var job = NewJob.Answering(NewJob.ForMember(1, 2, 3, JobKind.Imagine, "a fox", "test", 42, T0), 99, "token", 25_000_000, T0);

        Assert.Equal(99UL, job.InteractionId);
        Assert.Equal(42, job.Seed);
        Assert.Equal(25_000_000, job.AttachmentSizeLimit);
        Assert.True(job.TokenValidAt(T0.AddMinutes(13)));
        Assert.False(job.TokenValidAt(T0.AddMinutes(14)));
    }

    [Fact]
    public void RandomSeed_Drawn_StaysInMidjourneysRange()
    {
        for (var i = 0; i < 1000; i++)
        {
            Assert.InRange(NewJob.RandomSeed(), 0L, uint.MaxValue);
        }
    }
}
