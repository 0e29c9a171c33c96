using MjBot.Core.Jobs;
using MjBot.Core.Moderation;
using MjBot.Core.Settings;
using MjBot.Testing;

namespace MjBot.Storage.Tests;

public sealed class ModerationStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();
    private SqliteDatabase _database = null!;
    private SqliteModerationStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteDatabase.OpenAsync(_folder.Combine("mjbot.db"), CancellationToken.None);
        _store = new SqliteModerationStore(_database);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task PutRule_SameTermAndModeTwice_ReplacesAndKeepsServersApart()
    {
        var added = await _store.PutRuleAsync(1, new DisallowRule("fox", MatchMode.Word, RuleAction.Block, "animals"), CancellationToken.None);
        var replaced = await _store.PutRuleAsync(1, new DisallowRule("fox", MatchMode.Word, RuleAction.Review, "pets"), CancellationToken.None);
        await _store.PutRuleAsync(2, new DisallowRule("snow", MatchMode.Regex, RuleAction.Block, "x"), CancellationToken.None);

        Assert.True(added);
        Assert.False(replaced);
        Assert.Equal(new DisallowRule("fox", MatchMode.Word, RuleAction.Review, "pets"), Assert.Single(await _store.GetRulesAsync(1, CancellationToken.None)));
        Assert.Equal(1, await _store.RemoveRuleAsync(1, " FOX ", CancellationToken.None));
        Assert.Empty(await _store.GetRulesAsync(1, CancellationToken.None));
        Assert.Single(await _store.GetRulesAsync(2, CancellationToken.None));
    }

    [Fact]
    public async Task Ban_TwiceThenUnban_OnlyFirstCountsAndListIsPerServer()
    {
        Assert.True(await _store.BanAsync(new MemberBan(1, 7, "spam", 99, Now), CancellationToken.None));
        Assert.False(await _store.BanAsync(new MemberBan(1, 7, "again", 99, Now), CancellationToken.None));

        Assert.Equal("spam", (await _store.GetBanAsync(1, 7, CancellationToken.None))?.Reason);
        Assert.Null(await _store.GetBanAsync(2, 7, CancellationToken.None));
        Assert.Single(await _store.GetBansAsync(1, CancellationToken.None));
        Assert.True(await _store.UnbanAsync(1, 7, CancellationToken.None));
        Assert.Null(await _store.GetBanAsync(1, 7, CancellationToken.None));
    }

    [Fact]
    public async Task UpdateReview_TwoModeratorsAtOnce_OnlyTheFirstWins()
    {
        var review = new PromptReview
        {
            Id = Guid.NewGuid().ToString("N"),
            GuildId = 1,
            ChannelId = 2,
            UserId = 3,
            Prompt = "a fox --ar 2:3",
            Backend = "test",
            Rule = new DisallowRule("fox", MatchMode.Word, RuleAction.Review, "animals"),
            Status = ReviewStatus.Pending,
            InteractionToken = new KeptInteractionToken("token", Now.AddMinutes(15)),
            CreatedAt = Now,
        };
        await _store.AddReviewAsync(review, CancellationToken.None);

        var first = await _store.UpdateReviewAsync(review with { Status = ReviewStatus.Approved, DecidedBy = 9, DecidedAt = Now }, ReviewStatus.Pending, CancellationToken.None);
        var second = await _store.UpdateReviewAsync(review with { Status = ReviewStatus.Denied, DecidedBy = 10, DecidedAt = Now }, ReviewStatus.Pending, CancellationToken.None);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(review with { Status = ReviewStatus.Approved, DecidedBy = 9, DecidedAt = Now }, await _store.GetReviewAsync(review.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Log_Entries_NewestFirstAndAppealsCounted()
    {
        await _store.AppendLogAsync(new ModerationLogEntry(1, 5, "disallow add", "fox", Now.AddHours(-30)), CancellationToken.None);
        await _store.AppendLogAsync(new ModerationLogEntry(1, 7, ModerationLogEntry.AppealAction, "r1", Now.AddHours(-30)), CancellationToken.None);
        await _store.AppendLogAsync(new ModerationLogEntry(1, 7, ModerationLogEntry.AppealAction, "r2", Now.AddHours(-1)), CancellationToken.None);
        await _store.AppendLogAsync(new ModerationLogEntry(2, 7, ModerationLogEntry.AppealAction, "r3", Now), CancellationToken.None);

        var log = await _store.GetLogAsync(1, 2, CancellationToken.None);

        Assert.Equal(["r2", "r1"], log.Select(e => e.Detail));
        Assert.Equal(1, await _store.CountAppealsAsync(1, 7, Now.AddDays(-1), CancellationToken.None));
    }

    [Fact]
    public async Task GuildSettings_ModerationFieldsAndLanguage_RoundTrip()
    {
        var settings = new SqliteSettingsStore(_database);
        var saved = GuildSettings.Default with
        {
            UseDefaultList = false,
            Metaprompt = "Watercolour only.",
            ReviewChannelId = 42,
            AllowedChannelIds = [5, 6],
            Quota = new JobQuota(10, null, 30),
            ExemptRoleIds = [77],
            Language = "ko",
        };

        await settings.SaveGuildAsync(1, saved, CancellationToken.None);
        var read = await settings.GetGuildAsync(1, CancellationToken.None);

        Assert.Equal(saved with { AllowedChannelIds = [], ExemptRoleIds = [] }, read with { AllowedChannelIds = [], ExemptRoleIds = [] });
        Assert.Equal([5UL, 6UL], read.AllowedChannelIds);
        Assert.Equal([77UL], read.ExemptRoleIds);
    }
}
