namespace MjBot.Core.Moderation;

/// <summary>A prompt a rule stopped: kept so the member can appeal and moderators can decide.</summary>
public sealed record PromptReview
{
    /// <summary>Gets the id (32 hex digits), carried by the Appeal and review buttons.</summary>
    public required string Id { get; init; }

    public required ulong GuildId { get; init; }

    public required ulong ChannelId { get; init; }

    public required ulong UserId { get; init; }

    /// <summary>Gets the whole prompt as it would run (with the member's suffix and defaults).</summary>
    public required string Prompt { get; init; }

    /// <summary>Gets the backend the job would run on.</summary>
    public required string Backend { get; init; }

    /// <summary>Gets the rule that matched (shown to moderators only; members see its category).</summary>
    public required DisallowRule Rule { get; init; }

    /// <summary>Gets whether the rule was a pattern that ran out of time.</summary>
    public bool TimedOut { get; init; }

    public required ReviewStatus Status { get; init; }

    /// <summary>Gets whether the member appealed (as opposed to a review rule holding the prompt).</summary>
    public bool Appealed { get; init; }

    /// <summary>Gets the token of the member's interaction, to tell them the outcome where they asked, while it lasts.</summary>
    public Jobs.KeptInteractionToken? InteractionToken { get; init; }

    /// <summary>Gets the message in the review channel.</summary>
    public ulong? ReviewMessageId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets the member's Discord language, which the decision is told in; null for English.</summary>
    public string? Locale { get; init; }

    public ulong? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }
}
