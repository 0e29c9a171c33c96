using MjBot.Core.Jobs;

namespace MjBot.Core.Tests.Jobs;

public sealed class JobTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<JobStatus, JobStatus> Legal => new()
    {
        { JobStatus.Queued, JobStatus.Running },
        { JobStatus.Queued, JobStatus.Cancelled },
        { JobStatus.Queued, JobStatus.Blocked },
        { JobStatus.Queued, JobStatus.Failed },
        { JobStatus.Running, JobStatus.Succeeded },
        { JobStatus.Running, JobStatus.Failed },
        { JobStatus.Running, JobStatus.Cancelled },
        { JobStatus.Running, JobStatus.Blocked },
        { JobStatus.Running, JobStatus.Queued },
    };

    [Fact]
    public void Allowed_EveryPair_IsExactlyTheDocumentedSet()
    {
        var statuses = Enum.GetValues<JobStatus>();
        var legal = Legal.Select(static row => ((JobStatus)row[0], (JobStatus)row[1])).ToHashSet();

        foreach (var from in statuses)
        {
            foreach (var to in statuses)
            {
                Assert.Equal(legal.Contains((from, to)), JobTransitions.Allowed(from, to));
            }
        }
    }

    [Theory]
    [InlineData(JobStatus.Succeeded, JobStatus.Running)]
    [InlineData(JobStatus.Cancelled, JobStatus.Queued)]
    [InlineData(JobStatus.Queued, JobStatus.Succeeded)]
    [InlineData(JobStatus.Failed, JobStatus.Failed)]
    public void Move_Illegal_ThrowsTheDomainException(JobStatus from, JobStatus to)
    {
        var job = Job() with { Status = from };

        var refused = Assert.Throws<IllegalJobTransitionException>(() => JobTransitions.Move(job, to, Now));

        Assert.Equal((from, to), (refused.From, refused.To));
        Assert.Contains(job.Id.ToString(), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Move_StartRequeueFinish_StampsAttemptsAndTimes()
    {
        var running = JobTransitions.Move(Job(), JobStatus.Running, Now);
        var requeued = JobTransitions.Move(running, JobStatus.Queued, Now.AddSeconds(5));
        var again = JobTransitions.Move(requeued, JobStatus.Running, Now.AddSeconds(6));
        var done = JobTransitions.Move(again, JobStatus.Succeeded, Now.AddSeconds(9));

        Assert.Equal((1, Now), (running.Attempts, running.StartedAt!.Value));
        Assert.Null(requeued.StartedAt);
        Assert.Equal(2, done.Attempts);
        Assert.Equal(Now.AddSeconds(9), done.FinishedAt);
        Assert.True(done.IsTerminal);
    }

    internal static Job Job(ulong user = 1, string backend = "test", int minute = 0) => new()
    {
        Id = JobId.New(),
        Kind = JobKind.Imagine,
        ChannelId = 2,
        UserId = user,
        Prompt = "a fox",
        Backend = backend,
        Seed = 1,
        CreatedAt = Now.AddMinutes(minute),
    };
}
