using System.Text.Json.Nodes;

namespace MjBot.DiscordEmulator.State;

/// <summary>A message in a channel, as the bot last left it.</summary>
public sealed class EmulatedMessage(ulong id, ulong channelId, ulong? interactionId)
{
    public ulong Id { get; } = id;

    public ulong ChannelId { get; } = channelId;

    /// <summary>Gets the interaction whose response this is, if any.</summary>
    public ulong? InteractionId { get; } = interactionId;

    public string? Content { get; set; }

    public JsonArray? Components { get; set; }

    public JsonArray? Embeds { get; set; }

    public int Flags { get; set; }

    public IReadOnlyList<EmulatedAttachment> Attachments { get; set; } = [];

    /// <summary>Gets or sets whether the message is a deferred response still "thinking".</summary>
    public bool Loading { get; set; }

    public bool Deleted { get; set; }

    /// <summary>Gets or sets the nonce it was created with, for enforce_nonce deduplication.</summary>
    public string? Nonce { get; set; }

    public int Edits { get; set; }

    /// <summary>Gets or sets when it was last edited.</summary>
    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>Gets the reactions members added, by emoji.</summary>
    public List<string> Reactions { get; } = [];
}
