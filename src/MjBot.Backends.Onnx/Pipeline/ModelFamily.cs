namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>The Stable Diffusion families MjBot runs; each model folder says which it is (<see cref="ModelFamilyRules"/>).</summary>
internal enum ModelFamily
{
    /// <summary>SD 1.x (and its fine-tunes, LCM and inpainting variants): one CLIP ViT-L text encoder, 768 wide.</summary>
    Sd1,

    /// <summary>SD 2.x: OpenCLIP ViT-H, 1024 wide; 2.1 768-v predicts v.</summary>
    Sd2,

    /// <summary>SDXL 1.0 and SDXL-Turbo: two text encoders (768 + 1280 = 2048 wide), a pooled embedding and the size
    /// conditions (<c>text_embeds</c>, <c>time_ids</c>).</summary>
    Sdxl,
}
