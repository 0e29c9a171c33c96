namespace MjBot.Backends.Onnx.Tokenization;

/// <summary>GPT-2's and CLIP's <c>bytes_to_unicode</c>: every byte maps to a printable character (printable Latin-1
/// bytes to themselves, the rest to U+0100 onwards), so BPE works on text without whitespace or control characters.</summary>
internal static class ByteSymbols
{
    private static readonly char[] Table = Build();

    public static char For(byte b) => Table[b];

    private static char[] Build()
    {
        var table = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            table[b] = printable ? (char)b : (char)next++;
        }

        return table;
    }
}
