namespace MjBot.Core.Generation;

/// <summary>CLIP score, the usual measure of how well an image follows its prompt: 100 × the cosine of their CLIP
/// embeddings, and 0 where that is negative (as torchmetrics and the CLIPScore paper define it); typically 20–35 for
/// good Stable Diffusion images with ViT-L/14.</summary>
public static class ClipScore
{
    public static double Of(ReadOnlySpan<float> text, ReadOnlySpan<float> image) => Math.Max(100 * Cosine(text, image), 0);

    /// <summary>Gets the cosine of two embeddings (0 when either is all zeros).</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Embeddings of {a.Length} and {b.Length} values cannot be compared.", nameof(b));
        }

        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * (double)b[i];
            na += a[i] * (double)a[i];
            nb += b[i] * (double)b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
