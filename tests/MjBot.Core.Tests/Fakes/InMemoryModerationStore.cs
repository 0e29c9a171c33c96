using System.Collections.Concurrent;
using MjBot.Core.Moderation;
using MjBot.Core.Ports;

namespace MjBot.Core.Tests.Fakes;

/// <summary>Rules and the audit log in memory, with a count of rule reads; the review and ban parts are not needed by
/// the types these tests cover and say so.</summary>
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

    public Task<bool> BanAsync(MemberBan ban, CancellationToken cancellationToken) => throw NotHere();

    public Task<bool> UnbanAsync(ulong guildId, ulong userId, CancellationToken cancellationToken) => throw NotHere();

    public Task<MemberBan?> GetBanAsync(ulong guildId, ulong userId, CancellationToken cancellationToken) => throw NotHere();

    public Task<IReadOnlyList<MemberBan>> GetBansAsync(ulong guildId, CancellationToken cancellationToken) => throw NotHere();

    public Task AddReviewAsync(PromptReview review, CancellationToken cancellationToken) => throw NotHere();

    public Task<PromptReview?> GetReviewAsync(string id, CancellationToken cancellationToken) => throw NotHere();

    public Task<bool> UpdateReviewAsync(PromptReview review, ReviewStatus expected, CancellationToken cancellationToken) => throw NotHere();

    public Task<int> CountAppealsAsync(ulong guildId, ulong userId, DateTimeOffset since, CancellationToken cancellationToken) => throw NotHere();

    private static NotSupportedException NotHere() => new("Not used by the Core types under test.");
}
