namespace MjBot.Discord;

/// <summary>The <c>Discord</c> section: how MjBot signs in to Discord and reaches its API. The gateway's connection
/// tuning (backoff, HELLO timeout) is <see cref="Gateway.GatewayClientOptions"/>, fixed by the client, not
/// configuration.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>Gets or sets the bot token (Developer Portal → your application → Bot → Reset Token). A secret: it goes
    /// into the Authorization header, IDENTIFY and RESUME and nowhere else.</summary>
    public string? Token { get; set; }

    /// <summary>Gets or sets the application id; learned from READY when not set.</summary>
    public ulong? ApplicationId { get; set; }

    /// <summary>Gets or sets the REST API base address (change it only to point MjBot at a Discord emulator).</summary>
    /// <value>The default value is <c>https://discord.com/api/v10/</c>.</value>
    public Uri ApiBaseAddress { get; set; } = new("https://discord.com/api/v10/");

    /// <summary>Gets or sets a server (guild) id where slash commands are registered instantly, for development.
    /// Without it commands are registered globally.</summary>
    public ulong? DevGuildId { get; set; }

    /// <summary>Gets or sets whether a stop keeps the gateway session (in the data folder) for the next start to
    /// resume: a quick restart then misses no events and spends none of the 1,000 daily sign-ins. The cost is that
    /// Discord shows the bot online for a few minutes after a stop that is not followed by a start.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ResumeAfterRestart { get; set; } = true;

    /// <summary>Gets or sets how many times a REST call answered 429 or 5xx is retried.</summary>
    /// <value>The default value is 3.</value>
    public int MaxRetries { get; set; } = 3;
}
