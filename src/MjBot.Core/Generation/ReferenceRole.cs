namespace MjBot.Core.Generation;

/// <summary>What a reference image a member linked is for.</summary>
public enum ReferenceRole
{
    /// <summary>An image prompt: content, composition and style.</summary>
    ImagePrompt,

    /// <summary>--sref: the style only.</summary>
    Style,

    /// <summary>--cref: the character.</summary>
    Character,

    /// <summary>--oref: the subject (an omni reference).</summary>
    Omni,
}
