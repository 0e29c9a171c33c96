namespace MjBot.Core.Jobs;

/// <summary>What a job does. All but <see cref="Select"/> run on a backend.</summary>
public enum JobKind
{
    /// <summary>/imagine: a 2×2 grid from the prompt.</summary>
    Imagine,

    /// <summary>🔄: the parent's request again with new seeds.</summary>
    Reroll,

    /// <summary>V1–V4, Vary (Subtle), Vary (Strong): four variations of one image.</summary>
    Variation,

    /// <summary>U1–U4: one image of the parent grid as its own message (a crop, no backend).</summary>
    Select,

    /// <summary>Upscale (Subtle) or (Creative): the image at twice the size.</summary>
    Upscale,

    /// <summary>Zoom Out 2x or 1.5x: a larger canvas around the unchanged image.</summary>
    ZoomOut,

    /// <summary>⬅️ ➡️ ⬆️ ⬇️: the canvas extended in one direction.</summary>
    Pan,
}
