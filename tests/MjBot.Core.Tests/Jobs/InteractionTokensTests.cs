using MjBot.Core.Jobs;

namespace MjBot.Core.Tests.Jobs;

public sealed class InteractionTokensTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void UsableAt_UntilAMinuteBeforeFifteenMinutes_ThenNot()
    {
        var kept = KeptInteractionToken.From("token", T0);

        Assert.Equal(T0.AddMinutes(15), kept.ExpiresAt);
        Assert.Equal("token", kept.UsableAt(T0.AddMinutes(13).AddSeconds(59)));
        Assert.Null(kept.UsableAt(T0.AddMinutes(14)));
    }

    [Fact]
    public void ToString_KeptToken_NeverShowsTheToken()
    {
        var job = NewJob.Answering(NewJob.ForMember(1, 2, 3, JobKind.Imagine, "a fox", "test", 42, T0), 99, "aW50ZXJhY3Rpb246secret", null, T0);

        Assert.DoesNotContain("aW50ZXJhY3Rpb246secret", job.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Answering_AnInteraction_KeepsItsTokenForFifteenMinutesAndTheChannelsFileLimit()
    {
        var job = NewJob.Answering(NewJob.ForMember(1, 2, 3, JobKind.Imagine, "a fox", "test", 42, T0), 99, "token", 25_000_000, T0);

        Assert.Equal(99UL, job.InteractionId);
        Assert.Equal(42, job.Seed);
        Assert.Equal(25_000_000, job.AttachmentSizeLimit);
        Assert.Equal("token", job.InteractionToken?.UsableAt(T0.AddMinutes(13)));
        Assert.Null(job.InteractionToken?.UsableAt(T0.AddMinutes(14)));
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
