namespace MjBot.DiscordEmulator.State;

/// <summary>A file the bot uploaded.</summary>
public sealed record EmulatedAttachment(ulong Id, string FileName, string ContentType, byte[] Content, string? Description);
