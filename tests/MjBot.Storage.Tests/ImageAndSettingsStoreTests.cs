using MjBot.Core.Settings;
using MjBot.Testing;

namespace MjBot.Storage.Tests;

public sealed class ImageAndSettingsStoreTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SqliteDatabase.OpenAsync(_folder.Combine("mjbot.db"), CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task SaveAndLoad_SameBytesTwice_StoredOnceAndReadBack()
    {
        var job = JobStoreTests.NewJob();
        await new SqliteJobStore(_database).AddAsync(job, CancellationToken.None);
        var store = new FileImageStore(_database, _folder.Combine("images"));
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];

        var first = await store.SaveAsync(job.Id, 1, png, CancellationToken.None);
        var second = await store.SaveAsync(job.Id, 2, png, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(Directory.GetFiles(_folder.Combine("images"), "*.png", SearchOption.AllDirectories));
        Assert.Equal(png, await store.LoadAsync(job.Id, 2, CancellationToken.None));
        Assert.Null(await store.LoadAsync(job.Id, 3, CancellationToken.None));
    }

    [Fact]
    public async Task Spending_RecordedTwice_SumsPerServerAndDayExactly()
    {
        var ledger = new SqliteSpendingLedger(_database);
        var day = new DateOnly(2026, 11, 22);

        await ledger.RecordAsync(9, day, 0.16m, CancellationToken.None);
        await ledger.RecordAsync(9, day, 0.48m, CancellationToken.None);
        await ledger.RecordAsync(9, day.AddDays(1), 1m, CancellationToken.None);

        Assert.Equal(0.64m, await ledger.SpentAsync(9, day, CancellationToken.None));
        Assert.Equal(0m, await ledger.SpentAsync(10, day, CancellationToken.None));
    }

    [Fact]
    public async Task Settings_SavedThenRead_AndDefaultsForStrangers()
    {
        var store = new SqliteSettingsStore(_database);
        var mine = new UserSettings { Remix = true, Stylize = 250, Suffix = "--ar 3:2", HighVariation = false };

        await store.SaveUserAsync(7, mine, CancellationToken.None);
        await store.SaveGuildAsync(9, new GuildSettings { OpenButtons = true }, CancellationToken.None);

        Assert.Equal(mine, await store.GetUserAsync(7, CancellationToken.None));
        Assert.Equal(UserSettings.Default, await store.GetUserAsync(8, CancellationToken.None));
        Assert.True((await store.GetGuildAsync(9, CancellationToken.None)).OpenButtons);
    }
}
