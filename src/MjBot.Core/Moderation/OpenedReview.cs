namespace MjBot.Core.Moderation;

/// <summary>A prompt a rule stopped, as <see cref="ReviewBook.OpenAsync"/> saved it.</summary>
/// <param name="Review">The saved review: <see cref="ReviewStatus.Pending"/> when a review rule held it for the
/// server's review channel, else <see cref="ReviewStatus.Blocked"/>.</param>
/// <param name="ReviewChannelId">The server's review channel, or null when it has none.</param>
/// <param name="Appealable">Whether the member may appeal the block (appeals are on and there is a review channel).</param>
public sealed record OpenedReview(PromptReview Review, ulong? ReviewChannelId, bool Appealable)
{
    /// <summary>Gets whether the prompt waits for moderators.</summary>
    public bool Held => Review.Status == ReviewStatus.Pending;

    /// <summary>Gets whether a review rule matched on a server with no review channel (so it was blocked instead).</summary>
    public bool ReviewRuleWithoutChannel => !Held && Review.Rule.Action == RuleAction.Review;
}
