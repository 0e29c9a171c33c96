using System.Buffers.Binary;

namespace MjBot.Imaging.Png;

/// <summary>Walks a PNG's chunks, checking the signature, lengths, type letters and every CRC.</summary>
internal static class PngChunkReader
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static List<PngChunk> ReadAll(ReadOnlySpan<byte> file)
    {
        if (file.Length < Signature.Length || !file[..Signature.Length].SequenceEqual(Signature))
        {
            throw new PngFormatException(PngErrorKind.BadSignature, "Not a PNG file: the 8-byte PNG signature is missing or damaged");
        }

        var chunks = new List<PngChunk>();
        var position = Signature.Length;
        while (true)
        {
            if (file.Length - position < 12)
            {
                throw new PngFormatException(PngErrorKind.Truncated, "The file ends before its IEND chunk");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(file[position..]);
            var typeBytes = file.Slice(position + 4, 4);
            foreach (var b in typeBytes)
            {
                if (!char.IsAsciiLetter((char)b))
                {
                    throw new PngFormatException(PngErrorKind.BadChunk, $"Chunk at byte {position} has an invalid type");
                }
            }

            var type = System.Text.Encoding.ASCII.GetString(typeBytes);
            if (length > int.MaxValue || length > (uint)(file.Length - position - 12))
            {
                throw new PngFormatException(PngErrorKind.Truncated, $"Chunk {type} claims {length} bytes but the file ends first");
            }

            var data = file.Slice(position + 8, (int)length);
            var stored = BinaryPrimitives.ReadUInt32BigEndian(file[(position + 8 + (int)length)..]);
            if (Crc32.Compute(typeBytes, data) != stored)
            {
                throw new PngFormatException(PngErrorKind.CrcMismatch, $"CRC mismatch in chunk {type}");
            }

            chunks.Add(new PngChunk(type, position + 8, (int)length));
            position += 12 + (int)length;
            if (type == "IEND")
            {
                return chunks;
            }
        }
    }
}
