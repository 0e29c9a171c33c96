namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>Called after each denoising step: the percentage done and, every few steps, a preview (PNG) made from
/// the latents without the VAE.</summary>
internal delegate void DiffusionProgress(int percent, byte[]? preview);
