namespace MjBot.Testing.ComfyUI;

/// <summary>What a stand-in server has: its model files by folder, its version, and how long each sampler step takes.</summary>
public sealed record StandInOptions
{
    public Dictionary<string, IReadOnlyList<string>> Files { get; init; } = new(StringComparer.Ordinal)
    {
        ["checkpoints"] = ["v1-5-pruned-emaonly.safetensors", "sd_xl_base_1.0.safetensors", "flux1-dev-fp8.safetensors", "sd-v1-5-inpainting.ckpt"],
        ["loras"] = ["pixel-art.safetensors", "styles/watercolor.safetensors"],
        ["diffusion_models"] = ["flux1-schnell.safetensors", "sdxl_unet.safetensors"],
        ["text_encoders"] = ["clip_l.safetensors", "clip_g.safetensors", "t5xxl_fp8_e4m3fn.safetensors"],
        ["vae"] = ["ae.safetensors", "sdxl_vae.safetensors"],
        ["upscale_models"] = ["4x-UltraSharp.pth"],
        ["embeddings"] = [],
    };

    public string Version { get; init; } = "0.8.0";

    /// <summary>Gets whether <c>/interrupt</c> stops whatever runs whatever prompt id it names, as servers did before
    /// 2025-09 (server.py post_interrupt read no body then).</summary>
    public bool InterruptsWhateverRuns { get; init; }

    public TimeSpan StepDelay { get; init; } = TimeSpan.FromMilliseconds(2);
}
