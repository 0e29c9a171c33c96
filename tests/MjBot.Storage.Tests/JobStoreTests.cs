using MjBot.Core.Jobs;
using MjBot.Testing;

namespace MjBot.Storage.Tests;

public sealed class JobStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private SqliteDatabase _database = null!;
    private SqliteJobStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteDatabase.OpenAsync(_folder.Combine("data", "mjbot.db"), CancellationToken.None);
        _store = new SqliteJobStore(_database);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _folder.Dispose();
    }

    public static Job NewJob(ulong user = 7, DateTimeOffset? at = null, string backend = "test") => new()
    {
        Id = JobId.New(),
        Kind = JobKind.Imagine,
        GuildId = 1100000000000000001,
        ChannelId = 1100000000000000002,
        UserId = user,
        Prompt = "a red fox in snow --ar 16:9",
        Backend = backend,
        Seed = 4_000_000_000,
        CreatedAt = at ?? T0,
    };

    [Fact]
    public async Task AddThenGet_EveryField_RoundTrips()
    {
        var parent = NewJob();
        await _store.AddAsync(parent, CancellationToken.None);
        var job = NewJob() with
        {
            Kind = JobKind.Variation,
            ParentId = parent.Id,
            ParentIndex = 2,
            Option = "strong",
            Status = JobStatus.Running,
            Attempts = 2,
            Error = "x",
            Progress = 42,
            InteractionId = 1300000000000000001,
            InteractionToken = new KeptInteractionToken("aW50ZXJhY3Rpb246token", T0.AddMinutes(15)),
            StatusMessageId = 1300000000000000002,
            ResultMessageId = 1300000000000000003,
            Delivered = true,
            StartedAt = T0.AddSeconds(1),
            FinishedAt = T0.AddSeconds(9),
        };

        await _store.AddAsync(job, CancellationToken.None);

        Assert.Equal(job, await _store.GetAsync(job.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Update_Transition_IsPersisted()
    {
        var job = NewJob();
        await _store.AddAsync(job, CancellationToken.None);

        var running = JobTransitions.Move(job, JobStatus.Running, T0.AddSeconds(1));
        await _store.UpdateAsync(running, CancellationToken.None);

        Assert.Equal(JobStatus.Running, (await _store.GetAsync(job.Id, CancellationToken.None))!.Status);
        Assert.Equal(1, (await _store.GetAsync(job.Id, CancellationToken.None))!.Attempts);
    }

    [Fact]
    public async Task ActiveAndUndelivered_SelectTheRightJobsInOrder()
    {
        var late = NewJob(at: T0.AddSeconds(5));
        var early = NewJob(at: T0);
        var done = NewJob(at: T0.AddSeconds(1)) with { Status = JobStatus.Succeeded, FinishedAt = T0.AddSeconds(3), StartedAt = T0.AddSeconds(2) };
        var posted = done with { Id = JobId.New(), Delivered = true };
        foreach (var job in new[] { late, early, done, posted })
        {
            await _store.AddAsync(job, CancellationToken.None);
        }

        Assert.Equal([early.Id, late.Id], (await _store.ActiveAsync(CancellationToken.None)).Select(static j => j.Id));
        Assert.Equal([done.Id], (await _store.UndeliveredAsync(CancellationToken.None)).Select(static j => j.Id));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], await _store.RecentDurationsAsync("test", 5, CancellationToken.None));
    }

    [Fact]
    public async Task Reopen_SameFile_KeepsJobsAndSchemaVersion()
    {
        var job = NewJob();
        await _store.AddAsync(job, CancellationToken.None);
        await _database.DisposeAsync();

        _database = await SqliteDatabase.OpenAsync(_folder.Combine("data", "mjbot.db"), CancellationToken.None);
        var again = new SqliteJobStore(_database);

        Assert.NotNull(await again.GetAsync(job.Id, CancellationToken.None));
        Assert.Equal(Migrations.Latest, await _database.RunAsync(Migrations.Version, CancellationToken.None));
    }

    [Fact]
    public async Task Open_DatabaseFromANewerMjBot_SaysSoClearly()
    {
        await _database.RunAsync(static c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }, CancellationToken.None);
        await _database.DisposeAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteDatabase.OpenAsync(_folder.Combine("data", "mjbot.db"), CancellationToken.None));
        _database = await SqliteDatabase.OpenAsync(_folder.Combine("other.db"), CancellationToken.None);

        Assert.Contains("schema version 99, newer than this MjBot", refused.Message, StringComparison.Ordinal);
    }
}
