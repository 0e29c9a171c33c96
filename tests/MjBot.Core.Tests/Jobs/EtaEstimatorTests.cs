using Microsoft.Extensions.Time.Testing;
using MjBot.Core.Jobs;
using MjBot.Core.Tests.Fakes;

namespace MjBot.Core.Tests.Jobs;

public sealed class EtaEstimatorTests
{
    [Fact]
    public async Task ForPositionAsync_NoHistory_HasNoEstimate()
    {
        var eta = new EtaEstimator(new DurationsJobStore(), new BackendRegistry([new FakeBackend("test")], []), new FakeTimeProvider());

        Assert.Null(await eta.ForPositionAsync("test", 3, CancellationToken.None));
    }

    [Fact]
    public async Task ForPositionAsync_TwoSlots_IsTheMedianTimesTheRoundsAhead()
    {
        var store = new DurationsJobStore();
        store.Durations["test"] = [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(20)];
        var eta = new EtaEstimator(store, new BackendRegistry([new FakeBackend("test", concurrency: 2)], []), new FakeTimeProvider());

        Assert.Equal(TimeSpan.FromSeconds(20), await eta.ForPositionAsync("test", 2, CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(40), await eta.ForPositionAsync("test", 3, CancellationToken.None));
    }

    [Fact]
    public async Task ForPositionAsync_AskedAgainWithin30Seconds_ReadsTheHistoryOnce()
    {
        var store = new DurationsJobStore();
        store.Durations["test"] = [TimeSpan.FromSeconds(10)];
        var time = new FakeTimeProvider();
        var eta = new EtaEstimator(store, new BackendRegistry([new FakeBackend("test")], []), time);

        await eta.ForPositionAsync("test", 1, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(29));
        await eta.ForPositionAsync("test", 1, CancellationToken.None);
        var cached = store.Reads;
        time.Advance(TimeSpan.FromSeconds(2));
        await eta.ForPositionAsync("test", 1, CancellationToken.None);

        Assert.Equal(1, cached);
        Assert.Equal(2, store.Reads);
    }
}
