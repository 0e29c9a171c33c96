using MjBot.Core.Jobs;
using MjBot.Core.Moderation;

namespace MjBot.Core.Tests.Moderation;

public sealed class QuotaCheckTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private static Job At(int minutesAgo, JobKind kind = JobKind.Imagine) =>
        MjBot.Core.Tests.Jobs.JobTransitionsTests.Job(user: 1, minute: 0) with { Kind = kind, CreatedAt = Now.AddMinutes(-minutesAgo) };

    [Fact]
    public void Check_NoLimits_Allowed()
    {
        Assert.Same(QuotaVerdict.Allowed, QuotaCheck.Check(JobQuota.None, [At(1), At(2)], Now));
    }

    [Fact]
    public void Check_HourLimitReached_RetryWhenTheOldestLeavesTheWindow()
    {
        var verdict = QuotaCheck.Check(new JobQuota(3, null, null), [At(50), At(10), At(5), At(70)], Now);

        var reached = Assert.IsType<QuotaVerdict.Reached>(verdict);
        Assert.Equal(Now.AddMinutes(10), reached.RetryAt);
        Assert.Equal(("hour", 3), (reached.Window, reached.Limit));
    }

    [Fact]
    public void Check_UpscalesDoNotCount()
    {
        Assert.Same(QuotaVerdict.Allowed, QuotaCheck.Check(new JobQuota(1, null, null), [At(5, JobKind.Upscale), At(6, JobKind.Upscale)], Now));
    }

    [Fact]
    public void Check_DayLimitWithSeveralJobsAtOnce_NeedsRoomForAll()
    {
        var quota = new JobQuota(null, 4, null);

        Assert.Same(QuotaVerdict.Allowed, QuotaCheck.Check(quota, [At(600), At(300)], Now, adding: 2));
        var reached = Assert.IsType<QuotaVerdict.Reached>(QuotaCheck.Check(quota, [At(600), At(300)], Now, adding: 3));
        Assert.Equal(Now.AddMinutes(-600).AddDays(1), reached.RetryAt);
    }

    [Fact]
    public void Check_Cooldown_RetryAfterTheLastJobPlusCooldown()
    {
        var reached = Assert.IsType<QuotaVerdict.Reached>(QuotaCheck.Check(new JobQuota(null, null, 120), [At(1)], Now));

        Assert.Equal(Now.AddMinutes(1), reached.RetryAt);
        Assert.Same(QuotaVerdict.Allowed, QuotaCheck.Check(new JobQuota(null, null, 120), [At(3)], Now));
    }

    [Fact]
    public void Check_NothingAdded_AllowedThroughCooldownAndFullWindows()
    {
        // /describe and /shorten make no job: a member in a cooldown or at the day's limit may still use them.
        Assert.Same(QuotaVerdict.Allowed, QuotaCheck.Check(new JobQuota(1, 1, 120), [At(1)], Now, adding: 0));
    }
}
