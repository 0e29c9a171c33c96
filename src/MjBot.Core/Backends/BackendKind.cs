namespace MjBot.Core.Backends;

/// <summary>The kinds of image backend MjBot drives.</summary>
public enum BackendKind
{
    /// <summary>Local Stable Diffusion on ONNX Runtime.</summary>
    StableDiffusion,

    /// <summary>OpenAI's image models (dall-e-3, dall-e-2, gpt-image-1), directly or through Azure OpenAI.</summary>
    OpenAIImages,

    /// <summary>ComfyUI servers running Stable Diffusion and Flux graphs.</summary>
    ComfyUI,
}
