namespace MjBot.Imaging.Png;

/// <summary>Why a PNG could not be decoded: a kind and a sentence that names the problem.</summary>
/// <param name="Kind">The kind of problem.</param>
/// <param name="Message">What is wrong, e.g. "CRC mismatch in chunk IDAT".</param>
public sealed record PngError(PngErrorKind Kind, string Message);
