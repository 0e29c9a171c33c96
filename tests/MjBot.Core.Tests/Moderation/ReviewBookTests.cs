using Microsoft.Extensions.Time.Testing;
using MjBot.Core.Jobs;
using MjBot.Core.Moderation;
using MjBot.Core.Settings;
using MjBot.Core.Tests.Fakes;

namespace MjBot.Core.Tests.Moderation;

public sealed class ReviewBookTests
{
    private const ulong Guild = 7;
    private const ulong User = 700;
    private const ulong Moderator = 900;
    private static readonly DisallowRule BlockRule = new("gore", MatchMode.Word, RuleAction.Block, "violence and gore");
    private static readonly DisallowRule ReviewRule = new("tank", MatchMode.Word, RuleAction.Review, DisallowRule.ServerRulesCategory);
    private readonly InMemoryModerationStore _store = new();
    private readonly InMemorySettingsStore _settings = new();
    private readonly JobQueue _queue = new(new QueueLimits(MaxRunningPerUser: 1, MaxWaitingPerUser: 3));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    private static MemberContext Member => new(Guild, 70, User, false, []);

    private ReviewBook Book(int maxAppeals = 2) => new(_store, _settings, new ModerationAudit(_store, _time), _queue, _time, maxAppeals);

    private void WithReviewChannel() => _settings.Guilds[Guild] = GuildSettings.Default with { ReviewChannelId = 77 };

    private Task<OpenedReview> OpenAsync(DisallowRule rule, string prompt = "a scene of gore", int maxAppeals = 2) =>
        Book(maxAppeals).OpenAsync(Member, prompt, "onnx", new ModerationVerdict.Matched(rule, TimedOut: false), "token-1", CancellationToken.None);

    [Fact]
    public async Task OpenAsync_BlockingRuleWithReviewChannel_BlockedAndAppealableWithTheTokenKept()
    {
        WithReviewChannel();

        var opened = await OpenAsync(BlockRule);

        Assert.Equal(ReviewStatus.Blocked, opened.Review.Status);
        Assert.True(opened.Appealable);
        Assert.False(opened.Held);
        Assert.Equal(KeptInteractionToken.From("token-1", _time.GetUtcNow()), opened.Review.InteractionToken);
        Assert.Same(opened.Review, _store.Reviews[opened.Review.Id]);
    }

    [Fact]
    public async Task OpenAsync_NoReviewChannelOrAppealsOff_NotAppealable()
    {
        Assert.False((await OpenAsync(BlockRule)).Appealable);
        WithReviewChannel();
        Assert.False((await OpenAsync(BlockRule, maxAppeals: 0)).Appealable);
    }

    [Fact]
    public async Task OpenAsync_ReviewRule_HeldWithAChannelBlockedWithout()
    {
        var without = await OpenAsync(ReviewRule, "a tank");
        WithReviewChannel();
        var held = await OpenAsync(ReviewRule, "a tank");

        Assert.True(without.ReviewRuleWithoutChannel);
        Assert.Equal(ReviewStatus.Blocked, without.Review.Status);
        Assert.True(held.Held);
        Assert.Equal(77UL, held.ReviewChannelId);
    }

    [Fact]
    public async Task AppealAsync_OwnBlockedPrompt_PendingWithTheNewTokenAndAudited()
    {
        WithReviewChannel();
        var opened = await OpenAsync(BlockRule);
        _time.Advance(TimeSpan.FromMinutes(20));

        var accepted = Assert.IsType<AppealVerdict.Accepted>(await Book().AppealAsync(opened.Review.Id, User, "token-2", CancellationToken.None));

        Assert.Equal(ReviewStatus.Pending, accepted.Review.Status);
        Assert.True(accepted.Review.Appealed);
        Assert.Equal("token-2", accepted.Review.InteractionToken?.UsableAt(_time.GetUtcNow()));
        Assert.Equal(77UL, accepted.ReviewChannelId);
        Assert.Equal(ModerationLogEntry.AppealAction, Assert.Single(_store.Log).Action);
    }

    [Fact]
    public async Task AppealAsync_SomeoneElsesOrTwice_RefusedAndNothingChanges()
    {
        WithReviewChannel();
        var opened = await OpenAsync(BlockRule);

        Assert.IsType<AppealVerdict.NotYours>(await Book().AppealAsync(opened.Review.Id, User + 1, "t", CancellationToken.None));
        Assert.IsType<AppealVerdict.NotYours>(await Book().AppealAsync("unknown", User, "t", CancellationToken.None));
        Assert.IsType<AppealVerdict.Accepted>(await Book().AppealAsync(opened.Review.Id, User, "t", CancellationToken.None));
        Assert.IsType<AppealVerdict.AlreadyAppealed>(await Book().AppealAsync(opened.Review.Id, User, "t", CancellationToken.None));
        Assert.Single(_store.Log);
    }

    [Fact]
    public async Task AppealAsync_ReviewChannelRemovedSinceTheBlock_NoReviewChannel()
    {
        WithReviewChannel();
        var opened = await OpenAsync(BlockRule);
        _settings.Guilds[Guild] = GuildSettings.Default;

        Assert.IsType<AppealVerdict.NoReviewChannel>(await Book().AppealAsync(opened.Review.Id, User, "t", CancellationToken.None));
    }

    [Fact]
    public async Task AppealAsync_DailyLimitUsed_RefusedUntilADayHasPassed()
    {
        WithReviewChannel();
        var first = await OpenAsync(BlockRule);
        var second = await OpenAsync(BlockRule);
        var third = await OpenAsync(BlockRule);
        await Book(maxAppeals: 2).AppealAsync(first.Review.Id, User, "t", CancellationToken.None);
        await Book(maxAppeals: 2).AppealAsync(second.Review.Id, User, "t", CancellationToken.None);

        Assert.Equal(2, Assert.IsType<AppealVerdict.LimitReached>(await Book(maxAppeals: 2).AppealAsync(third.Review.Id, User, "t", CancellationToken.None)).Max);
        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.IsType<AppealVerdict.Accepted>(await Book(maxAppeals: 2).AppealAsync(third.Review.Id, User, "t", CancellationToken.None));
    }

    [Fact]
    public async Task DecideAsync_NotAModeratorOrUnknownOrNotPending_RefusedAndNothingChanges()
    {
        WithReviewChannel();
        var blocked = await OpenAsync(BlockRule);
        var held = await OpenAsync(ReviewRule, "a tank");

        Assert.IsType<DecisionVerdict.NotModerator>(await Book().DecideAsync(held.Review.Id, false, ReviewDecision.Approve, Moderator, CancellationToken.None));
        Assert.IsType<DecisionVerdict.Unknown>(await Book().DecideAsync("unknown", true, ReviewDecision.Approve, Moderator, CancellationToken.None));
        Assert.Equal(ReviewStatus.Blocked, Assert.IsType<DecisionVerdict.AlreadyDecided>(await Book().DecideAsync(blocked.Review.Id, true, ReviewDecision.Deny, Moderator, CancellationToken.None)).Status);
        Assert.Equal(ReviewStatus.Pending, _store.Reviews[held.Review.Id].Status);
        Assert.Empty(_store.Log);
    }

    [Fact]
    public async Task DecideAsync_ApprovePermutationPrompt_ReservesEveryJobAndAudits()
    {
        WithReviewChannel();
        var held = await OpenAsync(ReviewRule, "a {red, blue} tank");

        var decided = Assert.IsType<DecisionVerdict.Decided>(await Book().DecideAsync(held.Review.Id, true, ReviewDecision.Approve, Moderator, CancellationToken.None));

        Assert.Equal(2, decided.JobCount);
        Assert.NotNull(decided.Parsed);
        Assert.Equal(ReviewStatus.Approved, decided.Review.Status);
        Assert.Equal(Moderator, decided.Review.DecidedBy);
        Assert.Equal(2, _queue.ReservedFor(User));
        Assert.Equal("review approve", Assert.Single(_store.Log).Action);
    }

    [Fact]
    public async Task DecideAsync_ApproveWithTheQueueFull_NothingChanges()
    {
        WithReviewChannel();
        var held = await OpenAsync(ReviewRule, "a tank --repeat 4");
        Assert.True(_queue.TryReserve(User, 1, out _));

        Assert.IsType<DecisionVerdict.QueueFull>(await Book().DecideAsync(held.Review.Id, true, ReviewDecision.Approve, Moderator, CancellationToken.None));
        Assert.Equal(ReviewStatus.Pending, _store.Reviews[held.Review.Id].Status);
        Assert.Equal(1, _queue.ReservedFor(User));
    }

    [Fact]
    public async Task DecideAsync_SecondModeratorAfterTheFirst_AlreadyDecidedAndOneReservationOnly()
    {
        WithReviewChannel();
        var held = await OpenAsync(ReviewRule, "a tank");

        Assert.IsType<DecisionVerdict.Decided>(await Book().DecideAsync(held.Review.Id, true, ReviewDecision.Approve, Moderator, CancellationToken.None));
        Assert.IsType<DecisionVerdict.AlreadyDecided>(await Book().DecideAsync(held.Review.Id, true, ReviewDecision.Approve, Moderator + 1, CancellationToken.None));
        Assert.Equal(1, _queue.ReservedFor(User));
    }

    [Fact]
    public async Task DecideAsync_Ban_DeniedAndTheMemberBarred()
    {
        WithReviewChannel();
        var held = await OpenAsync(ReviewRule, "a tank");

        var decided = Assert.IsType<DecisionVerdict.Decided>(await Book().DecideAsync(held.Review.Id, true, ReviewDecision.Ban, Moderator, CancellationToken.None));

        Assert.Equal(ReviewStatus.Denied, decided.Review.Status);
        Assert.Equal(Moderator, _store.Bans[(Guild, User)].BannedBy);
        Assert.Equal(["mjban add", "review ban"], _store.Log.Select(static e => e.Action));
        Assert.Equal(0, _queue.ReservedFor(User));
    }
}
