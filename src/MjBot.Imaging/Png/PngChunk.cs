namespace MjBot.Imaging.Png;

/// <summary>One chunk: its four-letter type and where its data lies in the file.</summary>
internal readonly record struct PngChunk(string Type, int Offset, int Length)
{
    public bool IsCritical => char.IsAsciiLetterUpper(Type[0]);
}
