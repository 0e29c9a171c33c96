namespace MjBot.Discord.Rest;

/// <summary>How the REST client reaches Discord.</summary>
public sealed class DiscordRestOptions
{
    /// <summary>Gets the API base address (the emulator's, in tests).</summary>
    /// <value>The default value is <c>https://discord.com/api/v10/</c>.</value>
    public Uri BaseAddress { get; init; } = new("https://discord.com/api/v10/");

    /// <summary>Gets the bot token. A secret: it goes into the Authorization header and nowhere else.</summary>
    public required string Token { get; init; }

    /// <summary>Gets how many times a 429 or a 5xx answer is retried.</summary>
    /// <value>The default value is 3.</value>
    public int MaxRetries { get; init; } = 3;
}
