namespace MjBot.Core.Ports;

/// <summary>A CLIP model: texts and images into one embedding space, where the cosine says how well they match.</summary>
public interface IClipEncoder
{
    /// <summary>Gets the embedding of each text.</summary>
    Task<IReadOnlyList<float[]>> EmbedTextsAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);

    /// <summary>Gets the embedding of each image (PNG).</summary>
    Task<IReadOnlyList<float[]>> EmbedImagesAsync(IReadOnlyList<byte[]> pngs, CancellationToken cancellationToken);
}
