namespace MjBot.Discord.Models;

/// <summary>IDENTIFY's connection properties.</summary>
/// <param name="Os">The operating system.</param>
/// <param name="Browser">The library name.</param>
/// <param name="Device">The library name.</param>
public sealed record IdentifyProperties(string Os, string Browser, string Device);
