using System.Collections.Concurrent;
using MjBot.Core.Moderation;
using MjBot.Core.Ports;

namespace MjBot.Core.Tests.Fakes;

/// <summary>Rules, bans, reviews and the audit log in memory, with a count of rule reads. Review updates are
/// compare-and-set on the stored status, as the SQLite store's are.</summary>
internal sealed class InMemoryModerationStore : IModerationStore
{
    private int _ruleReads;

    public ConcurrentDictionary<ulong, List<DisallowRule>> Rules { get; } = new();

    public ConcurrentQueue<ModerationLogEntry> Log { get; } = new();

    public int RuleReads => Volatile.Read(ref _ruleReads);

    public Task<IReadOnlyList<DisallowRule>> GetRulesAsync(ulong guildId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _ruleReads);
        return Task.FromResult<IReadOnlyList<DisallowRule>>([.. Rules.GetValueOrDefault(guildId, [])]);
    }

    public Task<bool> PutRuleAsync(ulong guildId, DisallowRule rule, CancellationToken cancellationToken)
    {
        Rules.GetOrAdd(guildId, static _ => []).Add(rule);
        return Task.FromResult(true);
    }

    public Task<int> RemoveRuleAsync(ulong guildId, string term, CancellationToken cancellationToken) =>
        Task.FromResult(Rules.TryGetValue(guildId, out var rules) ? rules.RemoveAll(r => r.Term == term) : 0);

    public Task AppendLogAsync(ModerationLogEntry entry, CancellationToken cancellationToken)
    {
        Log.Enqueue(entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ModerationLogEntry>> GetLogAsync(ulong guildId, int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ModerationLogEntry>>([.. Log.Where(e => e.GuildId == guildId).Reverse().Take(count)]);

    public ConcurrentDictionary<(ulong Guild, ulong User), MemberBan> Bans { get; } = new();

    public ConcurrentDictionary<string, PromptReview> Reviews { get; } = new(StringComparer.Ordinal);

    public Task<bool> BanAsync(MemberBan ban, CancellationToken cancellationToken) => Task.FromResult(Bans.TryAdd((ban.GuildId, ban.UserId), ban));

    public Task<bool> UnbanAsync(ulong guildId, ulong userId, CancellationToken cancellationToken) => Task.FromResult(Bans.TryRemove((guildId, userId), out _));

    public Task<MemberBan?> GetBanAsync(ulong guildId, ulong userId, CancellationToken cancellationToken) => Task.FromResult(Bans.GetValueOrDefault((guildId, userId)));

    public Task<IReadOnlyList<MemberBan>> GetBansAsync(ulong guildId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MemberBan>>([.. Bans.Values.Where(b => b.GuildId == guildId)]);

    public Task AddReviewAsync(PromptReview review, CancellationToken cancellationToken)
    {
        Reviews[review.Id] = review;
        return Task.CompletedTask;
    }

    public Task<PromptReview?> GetReviewAsync(string id, CancellationToken cancellationToken) => Task.FromResult(Reviews.GetValueOrDefault(id));

    public Task<bool> UpdateReviewAsync(PromptReview review, ReviewStatus expected, CancellationToken cancellationToken) =>
        Task.FromResult(Reviews.TryGetValue(review.Id, out var stored) && stored.Status == expected && Reviews.TryUpdate(review.Id, review, stored));

    public Task<int> CountAppealsAsync(ulong guildId, ulong userId, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult(Log.Count(e => e.GuildId == guildId && e.ActorId == userId && e.Action == ModerationLogEntry.AppealAction && e.At >= since));
}
