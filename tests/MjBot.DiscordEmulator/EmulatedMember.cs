namespace MjBot.DiscordEmulator;

/// <summary>A member of the emulated server, who runs commands and presses buttons.</summary>
/// <param name="UserId">The user id.</param>
/// <param name="Username">The user name.</param>
/// <param name="Permissions">The member's permissions in the channel, as Discord's decimal string.</param>
public sealed record EmulatedMember(ulong UserId, string Username, string Permissions)
{
    /// <summary>Gets the member's role ids.</summary>
    public IReadOnlyList<ulong> Roles { get; init; } = [];

    /// <summary>Gets when the member joined the server.</summary>
    public DateTimeOffset JoinedAt { get; init; } = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Gets the member's guild member object (the user, roles and the nullable fields Discord sends).</summary>
    public System.Text.Json.Nodes.JsonObject Json() => EmulatedGuild.Member(EmulatedUsers.Member(this), Roles, JoinedAt);

    /// <summary>Gets an ordinary member (view, send, embed, attach, react, read history, use application commands).</summary>
    public static EmulatedMember Ordinary { get; } = new(80351110224678912, "nelly", "2147601472");

    /// <summary>Gets a moderator (Manage Server and Manage Messages added).</summary>
    public static EmulatedMember Moderator { get; } = new(53908232506183680, "mod", "2147609696");
}
