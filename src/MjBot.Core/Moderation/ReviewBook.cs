using MjBot.Core.Jobs;
using MjBot.Core.Ports;
using MjBot.Core.Prompting;

namespace MjBot.Core.Moderation;

/// <summary>The life of a prompt a rule stopped: <see cref="ReviewStatus.Blocked"/> (a blocking rule; the member may
/// appeal, within the daily limit) or <see cref="ReviewStatus.Pending"/> (a review rule, or an appeal) for moderators,
/// then <see cref="ReviewStatus.Approved"/> or <see cref="ReviewStatus.Denied"/>. Every move is a compare-and-set on
/// the stored status, so two moderators (or a double press) decide once; every appeal and decision is written to the
/// audit log. It returns verdicts; saying them to people is the host's.</summary>
/// <param name="store">Reviews, bans and the audit log's store.</param>
/// <param name="settings">Servers' settings (their review channel).</param>
/// <param name="audit">The audit log.</param>
/// <param name="queue">The job queue, where an approval reserves room for the member's jobs.</param>
/// <param name="time">The clock.</param>
/// <param name="maxAppealsPerDay">Appeals per member, server and 24 hours; 0 turns appeals off.</param>
public sealed class ReviewBook(IModerationStore store, ISettingsStore settings, ModerationAudit audit, JobQueue queue, TimeProvider time, int maxAppealsPerDay)
{
    private static readonly TimeSpan AppealWindow = TimeSpan.FromDays(1);

    /// <summary>Saves a request a rule matched: held for the review channel when a review rule matched and the server
    /// has one, else blocked.</summary>
    /// <param name="member">Who asked (in a server).</param>
    /// <param name="prompt">The whole prompt as it would run.</param>
    /// <param name="backend">The backend it would run on.</param>
    /// <param name="matched">The rule that matched.</param>
    /// <param name="interactionToken">The member's interaction token, to tell them the outcome where they asked.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<OpenedReview> OpenAsync(MemberContext member, string prompt, string backend, ModerationVerdict.Matched matched, string interactionToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(matched);
        var guildId = member.GuildId ?? throw new ArgumentException("Reviews belong to a server.", nameof(member));
        var channel = (await settings.GetGuildAsync(guildId, cancellationToken)).ReviewChannelId;
        var now = time.GetUtcNow();
        var review = new PromptReview
        {
            Id = Guid.NewGuid().ToString("N"),
            GuildId = guildId,
            ChannelId = member.ChannelId,
            UserId = member.UserId,
            Prompt = prompt,
            Backend = backend,
            Rule = matched.Rule,
            TimedOut = matched.TimedOut,
            Status = matched.Rule.Action == RuleAction.Review && channel is not null ? ReviewStatus.Pending : ReviewStatus.Blocked,
            InteractionToken = KeptInteractionToken.From(interactionToken, now),
            CreatedAt = now,
            Locale = member.Locale,
        };
        await store.AddReviewAsync(review, cancellationToken);
        return new OpenedReview(review, channel, review.Status == ReviewStatus.Blocked && maxAppealsPerDay > 0 && channel is not null);
    }

    /// <summary>Records the message that shows a pending review to moderators.</summary>
    public Task AttachReviewMessageAsync(PromptReview review, ulong messageId, CancellationToken cancellationToken) =>
        store.UpdateReviewAsync(review with { ReviewMessageId = messageId }, ReviewStatus.Pending, cancellationToken);

    /// <summary>A member appeals a blocked prompt of theirs: it becomes pending, and their new interaction token is
    /// kept to tell them the outcome.</summary>
    public async Task<AppealVerdict> AppealAsync(string id, ulong userId, string interactionToken, CancellationToken cancellationToken)
    {
        if (await store.GetReviewAsync(id, cancellationToken) is not { } review || review.UserId != userId)
        {
            return new AppealVerdict.NotYours();
        }

        if (review.Status != ReviewStatus.Blocked)
        {
            return new AppealVerdict.AlreadyAppealed();
        }

        if ((await settings.GetGuildAsync(review.GuildId, cancellationToken)).ReviewChannelId is not { } channel)
        {
            return new AppealVerdict.NoReviewChannel();
        }

        var now = time.GetUtcNow();
        if (await store.CountAppealsAsync(review.GuildId, userId, now - AppealWindow, cancellationToken) >= maxAppealsPerDay)
        {
            return new AppealVerdict.LimitReached(maxAppealsPerDay);
        }

        var appealed = review with { Status = ReviewStatus.Pending, Appealed = true, InteractionToken = KeptInteractionToken.From(interactionToken, now) };
        if (!await store.UpdateReviewAsync(appealed, ReviewStatus.Blocked, cancellationToken))
        {
            return new AppealVerdict.AlreadyAppealed();
        }

        await audit.RecordAsync(review.GuildId, userId, ModerationLogEntry.AppealAction, $"review {review.Id} ({review.Rule.Category})", cancellationToken);
        return new AppealVerdict.Accepted(appealed, channel);
    }

    /// <summary>A moderator decides a pending prompt. An approval first reserves room in the queue for every job the
    /// prompt makes (and changes nothing when there is none); a ban bars the member on this server.</summary>
    public async Task<DecisionVerdict> DecideAsync(string id, bool isModerator, ReviewDecision decision, ulong moderatorId, CancellationToken cancellationToken)
    {
        if (!isModerator)
        {
            return new DecisionVerdict.NotModerator();
        }

        if (await store.GetReviewAsync(id, cancellationToken) is not { } review)
        {
            return new DecisionVerdict.Unknown();
        }

        if (review.Status != ReviewStatus.Pending)
        {
            return new DecisionVerdict.AlreadyDecided(review.Status);
        }

        var parsed = PromptParser.Parse(review.Prompt) as PromptParseResult.Success;
        var count = parsed?.Jobs.Length ?? 1;
        var approve = decision == ReviewDecision.Approve;
        if (approve && !queue.TryReserve(review.UserId, count, out _))
        {
            return new DecisionVerdict.QueueFull();
        }

        var now = time.GetUtcNow();
        var decided = review with { Status = approve ? ReviewStatus.Approved : ReviewStatus.Denied, DecidedBy = moderatorId, DecidedAt = now };
        if (!await store.UpdateReviewAsync(decided, ReviewStatus.Pending, cancellationToken))
        {
            if (approve)
            {
                queue.Release(review.UserId, count);
            }

            return new DecisionVerdict.DecidedElsewhere();
        }

        if (decision == ReviewDecision.Ban)
        {
            await store.BanAsync(new MemberBan(review.GuildId, review.UserId, "from a review", moderatorId, now), cancellationToken);
            await audit.RecordAsync(review.GuildId, moderatorId, "mjban add", $"<@{review.UserId}> from review {review.Id}", cancellationToken);
        }

        await audit.RecordAsync(review.GuildId, moderatorId, $"review {decision.ToString().ToLowerInvariant()}", $"review {review.Id} from <@{review.UserId}> ({review.Rule.Category})", cancellationToken);
        return new DecisionVerdict.Decided(decided, decision, parsed, count);
    }
}
