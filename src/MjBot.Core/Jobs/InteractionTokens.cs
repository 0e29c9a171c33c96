namespace MjBot.Core.Jobs;

/// <summary>Discord's interaction tokens, as jobs and prompt reviews keep them: each is good for 15 minutes from the
/// interaction, and is used only while a minute of that is left (so a call made at the edge still lands). Kept as
/// <see cref="KeptInteractionToken"/>.</summary>
public static class InteractionTokens
{
    /// <summary>How long a token lives from its interaction.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>How much of its life must be left for a token to be used.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    /// <summary>When a token from an interaction at <paramref name="interactionAt"/> expires.</summary>
    public static DateTimeOffset ExpiryFor(DateTimeOffset interactionAt) => interactionAt + Lifetime;
}
