using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MjBot.Configuration;
using MjBot.Core.Jobs;
using MjBot.Operations;
using MjBot.Storage;
using MjBot.Testing;

namespace MjBot.Tests.Operations;

/// <summary>Retention runs a minute after start and then daily, on the host's TimeProvider: the test moves the days.</summary>
public sealed class RetentionServiceTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly CapturingLoggerProvider _logs = new();
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteDatabase.OpenAsync(_folder.Combine("mjbot.db"), CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _logs.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task ExecuteAsync_TimeAdvanced_RunsAfterAMinuteThenEveryDayDeletingWhatIsOld()
    {
        var time = new CountingTimeProvider(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        var jobs = new SqliteJobStore(_database);
        await jobs.AddAsync(Finished(time.GetUtcNow().AddDays(-40)), CancellationToken.None);
        await jobs.AddAsync(Finished(time.GetUtcNow().AddDays(-29.5)), CancellationToken.None);
        using var factory = LoggerFactory.Create(b => b.AddProvider(_logs));
        using var sut = new RetentionService(_database, _folder.Combine("images"), Options.Create(new OperationsOptions { RetentionDays = 30 }), time, factory.CreateLogger<RetentionService>());

        await sut.StartAsync(CancellationToken.None);
        await Eventually.UntilAsync(() => time.TimersCreated == 1, "the service waiting for its first run");
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(Runs());
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.UntilAsync(() => Runs().Count == 1 && time.TimersCreated == 2, "the first run, then the wait for the next");
        time.Advance(TimeSpan.FromDays(1));
        await Eventually.UntilAsync(() => Runs().Count == 2, "the next day's run");
        await sut.StopAsync(CancellationToken.None);

        Assert.Equal(["Retention (30 days): deleted 1 jobs and 0 image files", "Retention (30 days): deleted 1 jobs and 0 image files"], Runs());
    }

    private List<string> Runs() => [.. _logs.Entries.Select(static e => e.Message).Where(static m => m.StartsWith("Retention (", StringComparison.Ordinal))];

    private static Job Finished(DateTimeOffset at) => new()
    {
        Id = JobId.New(),
        Kind = JobKind.Imagine,
        ChannelId = 1,
        UserId = 2,
        Prompt = "old",
        Backend = "test",
        Seed = 1,
        Status = JobStatus.Succeeded,
        CreatedAt = at,
        StartedAt = at,
        FinishedAt = at,
        Delivered = true,
    };
}
