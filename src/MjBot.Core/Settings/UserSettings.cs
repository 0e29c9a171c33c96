namespace MjBot.Core.Settings;

/// <summary>A member's defaults (/settings, /prefer). Parameters typed in a prompt override them.</summary>
public sealed record UserSettings
{
    public static UserSettings Default { get; } = new();

    /// <summary>Gets the preferred backend, or null for the server's default.</summary>
    public string? Backend { get; init; }

    /// <summary>Gets the default --stylize, or null.</summary>
    public int? Stylize { get; init; }

    /// <summary>Gets whether V, Vary and 🔄 open the remix modal first.</summary>
    public bool Remix { get; init; }

    /// <summary>Gets whether V buttons make strong (high) variations; subtle otherwise.</summary>
    public bool HighVariation { get; init; } = true;

    /// <summary>Gets whether prompt magic rewrites this member's prompts; null follows the server's setting.</summary>
    public bool? PromptMagic { get; init; }

    /// <summary>Gets the text appended to every prompt (/prefer suffix).</summary>
    public string? Suffix { get; init; }
}
