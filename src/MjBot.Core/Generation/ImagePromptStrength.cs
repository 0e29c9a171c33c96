namespace MjBot.Core.Generation;

/// <summary>How much of an image prompt Stable Diffusion redraws, from Midjourney's <c>--iw</c> (0–3, default 1): the
/// strength of image-to-image is 0.95 − 0.25 × iw, kept within 0.2–0.95. So <c>--iw 0</c> keeps little more than the
/// layout and colours (0.95), the default redraws 0.70, <c>--iw 2</c> 0.45 and <c>--iw 3</c> keeps the image closely
/// (0.20).</summary>
public static class ImagePromptStrength
{
    public static double For(double? imageWeight) => Math.Clamp(0.95 - (0.25 * (imageWeight ?? 1)), 0.2, 0.95);
}
