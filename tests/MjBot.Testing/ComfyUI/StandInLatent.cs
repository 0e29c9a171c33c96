using MjBot.Imaging;

namespace MjBot.Testing.ComfyUI;

/// <summary>A latent as the stand-in keeps it: its size and batch, the encoded source images and noise masks (image to
/// image, inpainting), and what a sampler made.</summary>
public sealed record StandInLatent(int Width, int Height, int Batch, IReadOnlyList<RgbaImage>? Sources, IReadOnlyList<float[]>? Masks, IReadOnlyList<RgbaImage>? Samples);
