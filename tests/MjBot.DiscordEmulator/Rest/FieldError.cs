namespace MjBot.DiscordEmulator.Rest;

/// <summary>One leaf of a 50035 error tree: a dotted path into the body, Discord's error code and message.</summary>
public sealed record FieldError(string Path, string Code, string Message);
