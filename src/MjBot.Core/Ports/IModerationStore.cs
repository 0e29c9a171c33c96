using MjBot.Core.Moderation;

namespace MjBot.Core.Ports;

/// <summary>Per-server moderation state: the disallow list, bans, held prompts and the audit log.</summary>
public interface IModerationStore
{
    Task<IReadOnlyList<DisallowRule>> GetRulesAsync(ulong guildId, CancellationToken cancellationToken);

    /// <summary>Adds a rule, or replaces the one with the same term and mode.</summary>
    /// <returns>True when it is new.</returns>
    Task<bool> PutRuleAsync(ulong guildId, DisallowRule rule, CancellationToken cancellationToken);

    /// <summary>Removes every rule with this term (any mode).</summary>
    /// <returns>How many were removed.</returns>
    Task<int> RemoveRuleAsync(ulong guildId, string term, CancellationToken cancellationToken);

    Task<bool> BanAsync(MemberBan ban, CancellationToken cancellationToken);

    Task<bool> UnbanAsync(ulong guildId, ulong userId, CancellationToken cancellationToken);

    Task<MemberBan?> GetBanAsync(ulong guildId, ulong userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<MemberBan>> GetBansAsync(ulong guildId, CancellationToken cancellationToken);

    Task AddReviewAsync(PromptReview review, CancellationToken cancellationToken);

    Task<PromptReview?> GetReviewAsync(string id, CancellationToken cancellationToken);

    /// <summary>Saves a review's new state only if it is still in <paramref name="expected"/> (two moderators
    /// pressing at once: one wins).</summary>
    Task<bool> UpdateReviewAsync(PromptReview review, ReviewStatus expected, CancellationToken cancellationToken);

    /// <summary>Counts a member's appeals in a server since a time (the log's <see cref="ModerationLogEntry.AppealAction"/> entries).</summary>
    Task<int> CountAppealsAsync(ulong guildId, ulong userId, DateTimeOffset since, CancellationToken cancellationToken);

    Task AppendLogAsync(ModerationLogEntry entry, CancellationToken cancellationToken);

    /// <summary>Gets a server's newest log entries, newest first.</summary>
    Task<IReadOnlyList<ModerationLogEntry>> GetLogAsync(ulong guildId, int count, CancellationToken cancellationToken);
}
