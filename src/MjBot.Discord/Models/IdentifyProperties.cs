namespace MjBot.Discord.Models;

/// <summary>IDENTIFY's connection properties.</summary>
/// <param name="Os">The operating system.</param>
/// <param name="Browser">The library name.</param>
/// <param name="Device">The library name.</param>
public sealed record IdentifyProperties(string Os, string Browser, string Device)
{
    /// <summary>Gets the properties MjBot sends: this machine's operating system, and "mjbot" as the library.</summary>
    public static IdentifyProperties ForThisProcess { get; } = new(
        OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "other",
        "mjbot",
        "mjbot");
}
