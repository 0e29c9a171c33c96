namespace MjBot.Imaging.Png;

/// <summary>A tEXt, zTXt or iTXt chunk.</summary>
/// <param name="ChunkType">"tEXt", "zTXt" or "iTXt".</param>
/// <param name="Keyword">The keyword (e.g. "parameters").</param>
/// <param name="Text">The text, decompressed and decoded.</param>
public sealed record PngTextChunk(string ChunkType, string Keyword, string Text);
