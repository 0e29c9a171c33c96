namespace MjBot.Core.Ports;

/// <summary>A super-resolution model that enlarges finished images, whatever backend made them: Upscale (Subtle) is its
/// result, Upscale (Creative) its result refined by a backend that can (image-to-image).</summary>
public interface IImageUpscaler
{
    /// <summary>Gets the model's name as configured (shown under the result).</summary>
    string Name { get; }

    /// <summary>Gets <paramref name="png"/> at twice its width and height, as a PNG.</summary>
    /// <exception cref="Generation.GenerationException">The model could not run, or the image is not readable.</exception>
    Task<byte[]> UpscaleTwiceAsync(byte[] png, CancellationToken cancellationToken);
}
