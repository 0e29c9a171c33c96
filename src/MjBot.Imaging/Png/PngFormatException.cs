namespace MjBot.Imaging.Png;

/// <summary>Carries a <see cref="PngError"/> from deep inside the decoder to <see cref="PngDecoder.Decode"/>, which
/// turns it into a <see cref="PngDecodeResult.Failure"/>. Never escapes the decoder.</summary>
internal sealed class PngFormatException(PngErrorKind kind, string message) : Exception(message)
{
    public PngError Error { get; } = new(kind, message);
}
