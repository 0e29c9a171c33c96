namespace MjBot.Discord.Models;

/// <summary>The data of INTERACTION_CREATE: what MjBot uses of it.</summary>
/// <param name="Id">The interaction id.</param>
/// <param name="ApplicationId">The application id.</param>
/// <param name="Type">What kind of interaction.</param>
/// <param name="Token">The interaction token (15 minutes). A secret.</param>
/// <param name="Version">Always 1.</param>
public sealed record Interaction(Snowflake Id, Snowflake ApplicationId, InteractionType Type, string Token, int Version)
{
    /// <summary>Gets the command, component or modal data.</summary>
    public InteractionData? Data { get; init; }

    /// <summary>Gets the server, when invoked in one.</summary>
    public Snowflake? GuildId { get; init; }

    /// <summary>Gets the channel id.</summary>
    public Snowflake? ChannelId { get; init; }

    /// <summary>Gets the partial channel.</summary>
    public Channel? Channel { get; init; }

    /// <summary>Gets the member (in a server), with their permissions in the channel.</summary>
    public GuildMember? Member { get; init; }

    /// <summary>Gets the user (in a DM).</summary>
    public User? User { get; init; }

    /// <summary>Gets the message a component is attached to.</summary>
    public Message? Message { get; init; }

    /// <summary>Gets the bot's permissions in the channel.</summary>
    public Permissions? AppPermissions { get; init; }

    /// <summary>Gets the invoking user's locale.</summary>
    public string? Locale { get; init; }

    /// <summary>Gets the server's locale.</summary>
    public string? GuildLocale { get; init; }

    /// <summary>Gets the largest attachment the bot may send in reply, in bytes.</summary>
    public long? AttachmentSizeLimit { get; init; }

    /// <summary>Gets where the interaction was triggered (0 server, 1 bot DM, 2 private channel).</summary>
    public int? Context { get; init; }

    /// <summary>Gets the user who invoked it, in a server or in a DM.</summary>
    public User? Invoker => Member?.User ?? User;
}
