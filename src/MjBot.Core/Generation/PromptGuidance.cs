namespace MjBot.Core.Generation;

/// <summary>How <c>--s</c> and <c>--c</c> become classifier-free guidance on diffusion models, the same on every
/// engine: g = 10 − 2.5·√(s/100) (7.5 at the default 100, 2.1 at 1000, never below 1.5), and image i (0–3) of a grid
/// follows the prompt more loosely with chaos c: gᵢ = g·(1 − 0.5·(c/100)·i/3).</summary>
public static class PromptGuidance
{
    /// <summary>The guidance <c>--s</c> asks for (s above 1000 counts as 1000).</summary>
    public static double FromStylize(int stylize) => Math.Max(1.5, 10 - (2.5 * Math.Sqrt(Math.Min(stylize, 1000) / 100.0)));

    /// <summary>The guidance of image <paramref name="index"/> (0–3) under chaos <paramref name="chaos"/> (0–100).</summary>
    public static double ForImage(double guidance, int chaos, int index) => guidance * (1 - (0.5 * (chaos / 100.0) * index / 3));
}
