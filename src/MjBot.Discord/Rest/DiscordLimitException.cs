namespace MjBot.Discord.Rest;

/// <summary>A message, component set or upload breaks one of Discord's limits; raised before anything is sent, with
/// every broken limit named.</summary>
public sealed class DiscordLimitException : Exception
{
    public DiscordLimitException(IReadOnlyList<string> problems)
        : base("Not sent: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    /// <summary>Gets each broken limit, as a sentence.</summary>
    public IReadOnlyList<string> Problems { get; }
}
