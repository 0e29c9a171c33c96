using MjBot.Core.Jobs;

namespace MjBot.Core.Tests.Jobs;

public sealed class JobQueueTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, int> OneSlot = new(StringComparer.Ordinal) { ["test"] = 1 };

    private static Job JobOf(ulong user, int second = 0) => NewJob.ForMember(1, 2, user, JobKind.Imagine, "a fox", "test", 7, T0.AddSeconds(second));

    [Fact]
    public void TryReserve_MoreThanTheMembersRoom_ReservesNothingAndSaysTheRoom()
    {
        var queue = new JobQueue(new QueueLimits(MaxRunningPerUser: 1, MaxWaitingPerUser: 2));
        queue.Enqueue(JobOf(10), reserved: false);

        Assert.False(queue.TryReserve(10, 3, out var room));
        Assert.Equal(2, room);
        Assert.Equal(0, queue.ReservedFor(10));
        Assert.True(queue.TryReserve(10, 2, out _));
        Assert.Equal(2, queue.ReservedFor(10));
        Assert.False(queue.TryReserve(10, 1, out room));
        Assert.Equal(0, room);
    }

    [Fact]
    public void Enqueue_Reserved_UsesTheReservationAndReleaseGivesTheRestBack()
    {
        var queue = new JobQueue(new QueueLimits(1, 5));
        Assert.True(queue.TryReserve(10, 3, out _));

        queue.Enqueue(JobOf(10), reserved: true);
        queue.Release(10, 2);

        Assert.Equal(0, queue.ReservedFor(10));
        Assert.Equal(1, queue.WaitingCount);
        Assert.True(queue.TryReserve(10, 5, out _));
    }

    [Fact]
    public void TryStartNext_TwoMembers_AlternatesBetweenThemAndRespectsTheSlots()
    {
        var queue = new JobQueue(new QueueLimits(4, 10));
        var a1 = JobOf(10, 0);
        var a2 = JobOf(10, 1);
        var b1 = JobOf(20, 2);
        queue.Enqueue(a1, false);
        queue.Enqueue(a2, false);
        queue.Enqueue(b1, false);

        var first = queue.TryStartNext(OneSlot)!.Value.Job;
        Assert.Null(queue.TryStartNext(OneSlot));
        queue.Finished(JobTransitions.Move(JobTransitions.Move(first, JobStatus.Running, T0), JobStatus.Succeeded, T0));
        var second = queue.TryStartNext(OneSlot)!.Value.Job;

        Assert.Equal(a1.Id, first.Id);
        Assert.Equal(b1.Id, second.Id);
        Assert.Equal(1, queue.RunningCount);
        Assert.Equal(1, queue.WaitingCount);
    }

    [Fact]
    public void Finished_JobBackInQueued_WaitsAgainBehindAMemberNotYetServed()
    {
        var queue = new JobQueue(new QueueLimits(4, 10));
        var early = JobOf(10, 0);
        var late = JobOf(20, 5);
        queue.Enqueue(early, false);
        queue.Enqueue(late, false);
        var started = queue.TryStartNext(OneSlot)!.Value.Job;

        queue.Finished(started);

        Assert.Equal(early.Id, started.Id);
        Assert.True(queue.IsWaiting(early.Id));
        Assert.Equal(0, queue.RunningCount);
        Assert.Equal([late.Id, early.Id], queue.Positions().OrderBy(static p => p.Position).Select(static p => p.Job.Id));
    }

    [Fact]
    public void TakeForCancel_WaitingOrRunning_TakesTheWaitingOneAndSignalsTheRunningOne()
    {
        var queue = new JobQueue(new QueueLimits(4, 10));
        var running = JobOf(10, 0);
        var waiting = JobOf(20, 1);
        queue.Enqueue(running, false);
        queue.Enqueue(waiting, false);
        var (_, cancel) = queue.TryStartNext(OneSlot)!.Value;

        var taken = queue.TakeForCancel(waiting.Id, out var wasRunning);
        var none = queue.TakeForCancel(running.Id, out var runningNow);

        Assert.Equal(waiting.Id, taken!.Id);
        Assert.False(wasRunning);
        Assert.False(queue.IsWaiting(waiting.Id));
        Assert.Null(none);
        Assert.True(runningNow);
        Assert.True(cancel.IsCancellationRequested);
        Assert.True(queue.IsActive(running.Id));
    }

    [Fact]
    public void PositionIfQueued_SecondMemberBehindABusyOne_ComesSecondNotLast()
    {
        var queue = new JobQueue(new QueueLimits(4, 10));
        queue.Enqueue(JobOf(10, 0), false);
        queue.Enqueue(JobOf(10, 1), false);
        queue.Enqueue(JobOf(10, 2), false);

        Assert.Equal(2, queue.PositionIfQueued(JobOf(20, 3)));
        Assert.Equal(3, queue.WaitingCount);
    }
}
