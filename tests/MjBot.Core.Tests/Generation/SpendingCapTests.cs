using Microsoft.Extensions.Time.Testing;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Tests.Fakes;

namespace MjBot.Core.Tests.Generation;

public sealed class SpendingCapTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly InMemorySpendingLedger _ledger = new();
    private readonly FakeTimeProvider _time = new(Noon);

    private SpendingCap Cap(decimal openai) => new(_ledger, new Dictionary<string, decimal>(StringComparer.Ordinal) { ["openai"] = openai }, _time);

    private static Job JobIn(ulong? guild) => NewJob.ForMember(guild, 2, 3, JobKind.Imagine, "a fox", "openai", 1, Noon);

    [Fact]
    public async Task CheckAsync_WithinTheCap_ReturnsTheCostAndRecordAsyncAddsIt()
    {
        var cap = Cap(1.00m);
        var job = JobIn(7);

        var cost = await cap.CheckAsync(job, new PricedFakeBackend("openai", 0.40m), Requests.AFox(), CancellationToken.None);
        await cap.RecordAsync(job, cost, CancellationToken.None);

        Assert.Equal(0.40m, cost);
        Assert.Equal((0.40m, 1.00m), await cap.TodayAsync(7, "openai", CancellationToken.None));
    }

    [Fact]
    public async Task CheckAsync_JobWouldPassTheCap_RefusesWithASentenceAndNoRetry()
    {
        await _ledger.RecordAsync(7, DateOnly.FromDateTime(Noon.UtcDateTime), 0.80m, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<GenerationException>(() => Cap(1.00m).CheckAsync(JobIn(7), new PricedFakeBackend("openai", 0.40m), Requests.AFox(), CancellationToken.None));

        Assert.False(refused.Retryable);
        Assert.Equal("this server's daily openai budget of $1.00 is spent ($0.80 so far, this job $0.40); it resets at 00:00 UTC", refused.Message);
    }

    [Fact]
    public async Task CheckAsync_NextUtcDay_StartsFromNothing()
    {
        await _ledger.RecordAsync(7, DateOnly.FromDateTime(Noon.UtcDateTime), 1.00m, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(12));

        Assert.Equal(0.40m, await Cap(1.00m).CheckAsync(JobIn(7), new PricedFakeBackend("openai", 0.40m), Requests.AFox(), CancellationToken.None));
    }

    [Fact]
    public async Task CheckAsync_FreeBackendUncappedBackendOrDirectMessage_IsNeverRefused()
    {
        await _ledger.RecordAsync(7, DateOnly.FromDateTime(Noon.UtcDateTime), 100m, CancellationToken.None);
        var cap = Cap(1.00m);

        Assert.Equal(0m, await cap.CheckAsync(JobIn(7), new FakeBackend("onnx"), Requests.AFox(), CancellationToken.None));
        Assert.Equal(0.40m, await cap.CheckAsync(JobIn(7), new PricedFakeBackend("other-priced", 0.40m), Requests.AFox(), CancellationToken.None));
        Assert.Equal(0.40m, await cap.CheckAsync(JobIn(null), new PricedFakeBackend("openai", 0.40m), Requests.AFox(), CancellationToken.None));
        await cap.RecordAsync(JobIn(null), 0.40m, CancellationToken.None);
        Assert.Single(_ledger.Spent);
    }
}
