namespace MjBot.Imaging.Png;

/// <summary>A decoded PNG: its header, its pixels as 8-bit RGBA, and its text chunks.</summary>
/// <param name="Header">The file's IHDR.</param>
/// <param name="Pixels">The pixels, converted to 8-bit RGBA.</param>
/// <param name="Text">The text chunks, in file order.</param>
public sealed record PngImage(PngHeader Header, RgbaImage Pixels, IReadOnlyList<PngTextChunk> Text);
