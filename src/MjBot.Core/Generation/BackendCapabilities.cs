namespace MjBot.Core.Generation;

/// <summary>What a backend can do beyond a grid from a prompt. A button whose capability is missing is shown disabled
/// (Vary (Subtle) is not shown at all where the backend's variations have one strength).</summary>
[Flags]
public enum BackendCapabilities
{
    None = 0,

    /// <summary>Variations of an image.</summary>
    Variations = 1,

    /// <summary>Its own 2× upscale (without it MjBot upscales with Lanczos and says so).</summary>
    Upscale = 2,

    /// <summary>Outpainting: zoom out and pan.</summary>
    Outpaint = 4,

    /// <summary>Previews while running.</summary>
    Previews = 8,

    /// <summary>Uses reference images (image prompts, --sref, --cref, --oref), which the host then downloads.</summary>
    References = 16,

    /// <summary>Makes subtle variations that differ from strong ones (a strength it honours). Without it only
    /// Vary (Strong) is shown, and V1–V4 make strong variations.</summary>
    SubtleVariations = 32,

    /// <summary>Reads prompts in English only (Stable Diffusion's CLIP text encoders): a prompt written in another
    /// script is translated first when a translator is configured (<see cref="PromptTranslation"/>).</summary>
    EnglishOnly = 64,

    /// <summary>Its images come straight from a model no provider filters (local Stable Diffusion): the safety checker
    /// judges them before anything is posted, as the server's policy says.</summary>
    Unfiltered = 128,

    /// <summary>Enlarges images with its own upscale model (ComfyUI with one configured): the host hands it the image
    /// as it is for Upscale (Subtle) and (Creative), instead of enlarging it first.</summary>
    UpscalesItself = 256,

    /// <summary>Starts from an image prompt (image-to-image from the member's image, <c>--iw</c> its strength) without
    /// using the other references: the host downloads the image prompts only.</summary>
    ImagePrompts = 512,
}
