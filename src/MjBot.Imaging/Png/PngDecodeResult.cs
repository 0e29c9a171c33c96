namespace MjBot.Imaging.Png;

/// <summary>The outcome of decoding: the image, or the error that names what is wrong with the file.</summary>
public abstract record PngDecodeResult
{
    private PngDecodeResult()
    {
    }

    /// <summary>The file decoded.</summary>
    /// <param name="Image">The image.</param>
    public sealed record Success(PngImage Image) : PngDecodeResult;

    /// <summary>The file was refused.</summary>
    /// <param name="Error">Why.</param>
    public sealed record Failure(PngError Error) : PngDecodeResult;
}
