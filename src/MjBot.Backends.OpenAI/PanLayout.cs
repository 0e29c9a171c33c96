using MjBot.Imaging;

namespace MjBot.Backends.OpenAI;

/// <summary>Where a pan's canvas sits in the image sent to the edits endpoint.</summary>
/// <param name="Canvas">The grown canvas at the source's own resolution (opaque where the original is).</param>
/// <param name="SentWidth">The width of the image sent.</param>
/// <param name="SentHeight">Its height.</param>
/// <param name="X">The canvas's left edge in the image sent.</param>
/// <param name="Y">Its top edge.</param>
/// <param name="Width">Its width there.</param>
/// <param name="Height">Its height there.</param>
internal sealed record PanLayout(RgbaImage Canvas, int SentWidth, int SentHeight, int X, int Y, int Width, int Height);
