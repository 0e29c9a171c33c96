namespace MjBot.Discord.Models;

/// <summary>The objects a command's options refer to, keyed by id (only attachments are read).</summary>
public sealed record InteractionResolved
{
    /// <summary>Gets the attachments of attachment options.</summary>
    public IReadOnlyDictionary<string, Attachment>? Attachments { get; init; }
}
