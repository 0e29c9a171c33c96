using Microsoft.Data.Sqlite;
using MjBot.Core.Jobs;
using MjBot.Core.Moderation;
using MjBot.Testing;

namespace MjBot.Storage.Tests;

public sealed class BackupAndRetentionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private SqliteDatabase _database = null!;
    private SqliteJobStore _jobs = null!;

    private string Images => _folder.Combine("images");

    public async Task InitializeAsync()
    {
        _database = await SqliteDatabase.OpenAsync(_folder.Combine("mjbot.db"), CancellationToken.None);
        _jobs = new SqliteJobStore(_database);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Backup_WhileJobsAreBeingWritten_IsConsistentAndListsTheImages()
    {
        var store = new FileImageStore(_database, Images);
        for (var i = 0; i < 200; i++)
        {
            var job = JobStoreTests.NewJob();
            await _jobs.AddAsync(job, CancellationToken.None);
            await store.SaveAsync(job.Id, 0, new byte[] { 0x89, 0x50, 0x4E, 0x47, (byte)i }, CancellationToken.None);
        }

        using var stop = new CancellationTokenSource();
        var written = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await _jobs.AddAsync(JobStoreTests.NewJob(), CancellationToken.None);
                Interlocked.Increment(ref written);
            }
        });
        await Eventually.UntilAsync(() => Volatile.Read(ref written) > 50, "more than 50 jobs written during the backup");

        var report = await SqliteBackup.CreateAsync(_folder.Combine("mjbot.db"), Images, _folder.Combine("backup.db"), CancellationToken.None);
        await stop.CancelAsync();
        await writer;

        Assert.InRange(report.Jobs, 250, 200 + Volatile.Read(ref written));
        Assert.Equal(200, report.Images);
        Assert.Equal(0, report.MissingImages);
        await using var backup = new SqliteConnection($"Data Source={_folder.Combine("backup.db")};Mode=ReadOnly;Pooling=False");
        await backup.OpenAsync();
        using var check = backup.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", await check.ExecuteScalarAsync());
        Assert.Contains("\"present\":true", await File.ReadAllTextAsync(_folder.Combine("backup.db.images.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_OldJobs_DeletesOnlyWhatItShould()
    {
        var store = new FileImageStore(_database, Images);
        var oldGrid = await AddAsync(Finished(JobStoreTests.NewJob(), daysAgo: 100));
        var favouriteUpscale = await AddAsync(Finished(JobStoreTests.NewJob() with { Kind = JobKind.Select, ParentId = oldGrid.Id, ParentIndex = 1 }, daysAgo: 100));
        var oldAlone = await AddAsync(Finished(JobStoreTests.NewJob(), daysAgo: 100));
        var oldShared = await AddAsync(Finished(JobStoreTests.NewJob(), daysAgo: 100));
        var recent = await AddAsync(Finished(JobStoreTests.NewJob(), daysAgo: 10));
        var waiting = await AddAsync(JobStoreTests.NewJob(at: Now.AddDays(-200)));
        await _jobs.ToggleFavoriteAsync(7, favouriteUpscale.Id, Now, CancellationToken.None);
        var aloneSha = await store.SaveAsync(oldAlone.Id, 0, new byte[] { 1, 2, 3 }, CancellationToken.None);
        var sharedSha = await store.SaveAsync(oldShared.Id, 0, new byte[] { 4, 5, 6 }, CancellationToken.None);
        await store.SaveAsync(recent.Id, 0, new byte[] { 4, 5, 6 }, CancellationToken.None);

        var (jobs, files) = await SqliteRetention.PurgeAsync(_database, Images, Now.AddDays(-90), CancellationToken.None);

        Assert.Equal(2, jobs);
        Assert.Equal(1, files);
        Assert.Null(await _jobs.GetAsync(oldAlone.Id, CancellationToken.None));
        Assert.Null(await _jobs.GetAsync(oldShared.Id, CancellationToken.None));
        foreach (var kept in new[] { oldGrid, favouriteUpscale, recent, waiting })
        {
            Assert.NotNull(await _jobs.GetAsync(kept.Id, CancellationToken.None));
        }

        Assert.False(File.Exists(Path.Combine(Images, aloneSha[..2], aloneSha + ".png")));
        Assert.True(File.Exists(Path.Combine(Images, sharedSha[..2], sharedSha + ".png")));
        Assert.Equal([4, 5, 6], await store.LoadAsync(recent.Id, 0, CancellationToken.None));
    }

    [Fact]
    public async Task Purge_OldReviews_DecidedAndUnappealedGoPendingAndRecentStay()
    {
        var store = new SqliteModerationStore(_database);
        PromptReview Review(ReviewStatus status, int daysAgo) => new()
        {
            Id = Guid.NewGuid().ToString("N"),
            GuildId = 1,
            ChannelId = 2,
            UserId = 3,
            Prompt = "clowns",
            Backend = "test",
            Rule = new DisallowRule("clowns", MatchMode.Word, RuleAction.Block, "x"),
            Status = status,
            InteractionToken = new KeptInteractionToken("token", Now.AddDays(-daysAgo).AddMinutes(15)),
            CreatedAt = Now.AddDays(-daysAgo),
            DecidedAt = status >= ReviewStatus.Approved ? Now.AddDays(-daysAgo) : null,
        };
        var reviews = new[] { Review(ReviewStatus.Blocked, 100), Review(ReviewStatus.Denied, 100), Review(ReviewStatus.Pending, 100), Review(ReviewStatus.Blocked, 10) };
        foreach (var review in reviews)
        {
            await store.AddReviewAsync(review, CancellationToken.None);
        }

        await SqliteRetention.PurgeAsync(_database, Images, Now.AddDays(-90), CancellationToken.None);

        Assert.Null(await store.GetReviewAsync(reviews[0].Id, CancellationToken.None));
        Assert.Null(await store.GetReviewAsync(reviews[1].Id, CancellationToken.None));
        Assert.NotNull(await store.GetReviewAsync(reviews[2].Id, CancellationToken.None));
        Assert.NotNull(await store.GetReviewAsync(reviews[3].Id, CancellationToken.None));
    }

    private static Job Finished(Job job, int daysAgo) => job with
    {
        Status = JobStatus.Succeeded,
        CreatedAt = Now.AddDays(-daysAgo),
        StartedAt = Now.AddDays(-daysAgo),
        FinishedAt = Now.AddDays(-daysAgo),
    };

    private async Task<Job> AddAsync(Job job)
    {
        await _jobs.AddAsync(job, CancellationToken.None);
        return job;
    }
}
