using MjBot.Core.Jobs;

namespace MjBot.Core.Tests.Jobs;

public sealed class FairSchedulerTests
{
    private static readonly QueueLimits Limits = new(3, 10);
    private static readonly Dictionary<string, int> OneSlot = new() { ["test"] = 1 };

    [Fact]
    public void PickNext_AQueuedThirtyThenBOne_BStartsWithinOneSlot()
    {
        var sut = new FairScheduler(Limits);
        var waiting = Enumerable.Range(0, 30).Select(i => JobTransitionsTests.Job(user: 1, minute: i)).ToList();
        waiting.Add(JobTransitionsTests.Job(user: 2, minute: 31));

        var first = sut.PickNext(waiting, new Dictionary<ulong, int>(), OneSlot)!;
        waiting.Remove(first);
        var second = sut.PickNext(waiting, new Dictionary<ulong, int> { [1] = 0 }, OneSlot)!;

        Assert.Equal(1UL, first.UserId);
        Assert.Equal(2UL, second.UserId);
    }

    [Fact]
    public void PickNext_ThreeMembers_RoundRobinAndFifoWithinEach()
    {
        var sut = new FairScheduler(Limits);
        var waiting = new List<Job>();
        for (var i = 0; i < 3; i++)
        {
            foreach (var user in new ulong[] { 10, 20, 30 })
            {
                waiting.Add(JobTransitionsTests.Job(user, minute: waiting.Count));
            }
        }

        var order = new List<Job>();
        while (sut.PickNext(waiting, new Dictionary<ulong, int>(), OneSlot) is { } next)
        {
            order.Add(next);
            waiting.Remove(next);
        }

        Assert.Equal([10UL, 20, 30, 10, 20, 30, 10, 20, 30], order.Select(static j => j.UserId));
        Assert.All(order.GroupBy(static j => j.UserId), g => Assert.Equal(g.OrderBy(static j => j.CreatedAt), g));
    }

    [Fact]
    public void PickNext_MemberAtTheRunningLimitOrBackendFull_IsSkipped()
    {
        var sut = new FairScheduler(Limits);
        var busy = JobTransitionsTests.Job(user: 1, minute: 0);
        var other = JobTransitionsTests.Job(user: 2, backend: "gpu", minute: 1);
        var free = JobTransitionsTests.Job(user: 3, minute: 2);

        var pick = sut.PickNext([busy, other, free], new Dictionary<ulong, int> { [1] = 3 }, new Dictionary<string, int> { ["test"] = 1, ["gpu"] = 0 });

        Assert.Equal(free.Id, pick!.Id);
        Assert.Null(sut.PickNext([busy, other], new Dictionary<ulong, int> { [1] = 3 }, new Dictionary<string, int> { ["test"] = 1, ["gpu"] = 0 }));
    }

    [Theory]
    [InlineData(12, true)]
    [InlineData(13, false)]
    public void Admits_ThreeRunningPlusTenWaiting_ThenQueueFull(int active, bool admitted) =>
        Assert.Equal(admitted, Limits.Admits(active));

    [Fact]
    public void Order_AfterAServedMember_MatchesWhatPickNextThenStarts()
    {
        var sut = new FairScheduler(new QueueLimits(40, 40));
        var waiting = new List<Job> { JobTransitionsTests.Job(user: 1, minute: 0) };
        sut.PickNext(waiting, new Dictionary<ulong, int>(), OneSlot);
        waiting.Clear();
        foreach (var (user, minute) in new (ulong, int)[] { (1, 1), (1, 2), (2, 3), (1, 4), (3, 5), (2, 6) })
        {
            waiting.Add(JobTransitionsTests.Job(user, minute: minute));
        }

        var predicted = sut.Order(waiting);
        var started = new List<Job>();
        while (sut.PickNext(waiting, new Dictionary<ulong, int>(), OneSlot) is { } next)
        {
            started.Add(next);
            waiting.Remove(next);
        }

        Assert.Equal(started, predicted);
        Assert.Equal([2UL, 3UL, 1UL, 2UL, 1UL, 1UL], predicted.Select(static j => j.UserId));
    }

    [Theory]
    [InlineData(0, 13)]
    [InlineData(10, 3)]
    [InlineData(13, 0)]
    [InlineData(20, 0)]
    public void Room_ActiveJobs_WhatIsLeftOfThreeRunningAndTenWaiting(int active, int room) =>
        Assert.Equal(room, Limits.Room(active));
}
