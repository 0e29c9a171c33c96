namespace MjBot.Discord.Models;

/// <summary>Which mentions in a message may notify (MjBot sends <c>parse: []</c> and names users explicitly).</summary>
/// <param name="Parse">Mention types to parse: "users", "roles", "everyone".</param>
public sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    /// <summary>Gets users who may be pinged.</summary>
    public IReadOnlyList<Snowflake>? Users { get; init; }

    /// <summary>Gets whether a reply pings the replied-to author.</summary>
    public bool? RepliedUser { get; init; }
}
