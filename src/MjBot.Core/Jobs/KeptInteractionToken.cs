namespace MjBot.Core.Jobs;

/// <summary>An interaction's token as a job or a prompt review keeps it, to answer where the member asked while
/// Discord allows (<see cref="InteractionTokens"/>). A secret: <see cref="ToString"/> never shows it.</summary>
/// <param name="Value">The token.</param>
/// <param name="ExpiresAt">When Discord stops taking it.</param>
public sealed record KeptInteractionToken(string Value, DateTimeOffset ExpiresAt)
{
    /// <summary>Keeps the token of an interaction made at <paramref name="interactionAt"/>.</summary>
    public static KeptInteractionToken From(string token, DateTimeOffset interactionAt) => new(token, InteractionTokens.ExpiryFor(interactionAt));

    /// <summary>Gets the token when it can still be used at <paramref name="now"/> (a minute of its life left), else
    /// null.</summary>
    public string? UsableAt(DateTimeOffset now) => now < ExpiresAt - InteractionTokens.Margin ? Value : null;

    /// <summary>Names the token's expiry, never the token.</summary>
    public override string ToString() => $"interaction token (expires {ExpiresAt:O})";
}
