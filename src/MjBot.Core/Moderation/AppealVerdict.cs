namespace MjBot.Core.Moderation;

/// <summary>What <see cref="ReviewBook.AppealAsync"/> made of a member's appeal.</summary>
public abstract record AppealVerdict
{
    private AppealVerdict()
    {
    }

    /// <summary>The review is unknown, or another member's.</summary>
    public sealed record NotYours : AppealVerdict;

    /// <summary>The prompt was appealed (or held for review) already.</summary>
    public sealed record AlreadyAppealed : AppealVerdict;

    /// <summary>The server has no review channel to send it to.</summary>
    public sealed record NoReviewChannel : AppealVerdict;

    /// <summary>The member used every appeal of the last 24 hours on this server.</summary>
    /// <param name="Max">The limit.</param>
    public sealed record LimitReached(int Max) : AppealVerdict;

    /// <summary>The appeal is pending for moderators (saved and written to the audit log).</summary>
    /// <param name="Review">The review as it now stands.</param>
    /// <param name="ReviewChannelId">The server's review channel, where it goes.</param>
    public sealed record Accepted(PromptReview Review, ulong ReviewChannelId) : AppealVerdict;
}
