using System.Buffers.Binary;
using System.IO.Compression;

namespace MjBot.Imaging.Png;

/// <summary>Decodes every valid PNG (all colour types and bit depths, PLTE and tRNS, Adam7, all five filters,
/// split IDAT) to 8-bit RGBA, and refuses a malformed or hostile one with a <see cref="PngError"/> naming the
/// problem. Size limits are checked before any pixel memory is allocated, and inflation stops as soon as the data
/// passes what IHDR allows.</summary>
public static class PngDecoder
{
    /// <summary>Decodes <paramref name="file"/>.</summary>
    /// <param name="file">The whole PNG file.</param>
    /// <param name="options">Limits; <see cref="PngDecoderOptions.Default"/> when null.</param>
    /// <returns>The image, or why it was refused.</returns>
    public static PngDecodeResult Decode(ReadOnlySpan<byte> file, PngDecoderOptions? options = null)
    {
        options ??= PngDecoderOptions.Default;
        try
        {
            return new PngDecodeResult.Success(DecodeOrThrow(file, options));
        }
        catch (PngFormatException ex)
        {
            return new PngDecodeResult.Failure(ex.Error);
        }
    }

    private static PngImage DecodeOrThrow(ReadOnlySpan<byte> file, PngDecoderOptions options)
    {
        var chunks = PngChunkReader.ReadAll(file);
        if (chunks[0].Type != "IHDR")
        {
            throw new PngFormatException(PngErrorKind.BadHeader, "The first chunk is not IHDR");
        }

        var header = ReadHeader(file.Slice(chunks[0].Offset, chunks[0].Length));
        byte[]? palette = null;
        int? greyKey = null;
        (int, int, int)? rgbKey = null;
        var text = new List<PngTextChunk>();
        using var idat = new MemoryStream();
        var idatState = 0; // 0 before, 1 inside, 2 after the IDAT run
        foreach (var chunk in chunks.Skip(1))
        {
            var data = file.Slice(chunk.Offset, chunk.Length);
            switch (chunk.Type)
            {
                case "IHDR":
                    throw new PngFormatException(PngErrorKind.BadChunk, "A second IHDR chunk");
                case "PLTE":
                    palette = ReadPalette(header, data, palette, idatState);
                    break;
                case "tRNS":
                    (greyKey, rgbKey) = ReadTransparency(header, data, idatState, ref palette);
                    break;
                case "IDAT":
                    if (idatState == 2)
                    {
                        throw new PngFormatException(PngErrorKind.BadChunk, "IDAT chunks are not consecutive");
                    }

                    idatState = 1;
                    idat.Write(data);
                    break;
                case "IEND":
                    break;
                case "tEXt" or "zTXt" or "iTXt":
                    if (PngTextReader.Read(chunk.Type, data, options.MaxTextBytes) is { } textChunk)
                    {
                        text.Add(textChunk);
                    }

                    break;
                default:
                    if (chunk.IsCritical)
                    {
                        throw new PngFormatException(PngErrorKind.BadChunk, $"Unknown critical chunk {chunk.Type}");
                    }

                    break;
            }

            if (idatState == 1 && chunk.Type != "IDAT")
            {
                idatState = 2;
            }
        }

        if (idatState == 0)
        {
            throw new PngFormatException(PngErrorKind.BadChunk, "The file has no IDAT chunk (no image data)");
        }

        if (header.ColorType == PngColorType.Indexed && palette is null)
        {
            throw new PngFormatException(PngErrorKind.BadPalette, "A palette image without a PLTE chunk");
        }

        CheckLimits(header, options);
        var pixels = DecodePixels(header, idat, new PixelConverter(header, palette, greyKey, rgbKey));
        return new PngImage(header, pixels, text);
    }

    private static PngHeader ReadHeader(ReadOnlySpan<byte> data)
    {
        if (data.Length != 13)
        {
            throw new PngFormatException(PngErrorKind.BadHeader, $"IHDR is {data.Length} bytes long, not 13");
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(data);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        int bitDepth = data[8], colorType = data[9];
        if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue)
        {
            throw new PngFormatException(PngErrorKind.BadHeader, $"IHDR size {width}×{height} is invalid");
        }

        int[] allowed = colorType switch
        {
            0 => [1, 2, 4, 8, 16],
            3 => [1, 2, 4, 8],
            2 or 4 or 6 => [8, 16],
            _ => throw new PngFormatException(PngErrorKind.BadHeader, $"IHDR colour type {colorType} is invalid"),
        };
        if (!allowed.Contains(bitDepth))
        {
            throw new PngFormatException(PngErrorKind.BadHeader, $"IHDR bit depth {bitDepth} is invalid for colour type {colorType}");
        }

        if (data[10] != 0 || data[11] != 0 || data[12] > 1)
        {
            throw new PngFormatException(PngErrorKind.BadHeader, "IHDR compression, filter or interlace method is invalid");
        }

        return new PngHeader((int)width, (int)height, bitDepth, (PngColorType)colorType, data[12] == 1);
    }

    private static void CheckLimits(PngHeader header, PngDecoderOptions options)
    {
        if (header.Width > options.MaxSide || header.Height > options.MaxSide || (long)header.Width * header.Height > options.MaxPixels)
        {
            throw new PngFormatException(
                PngErrorKind.TooLarge,
                $"The image is {header.Width}×{header.Height}; the limit is {options.MaxSide} per side and {options.MaxPixels} pixels");
        }
    }

    private static byte[] ReadPalette(PngHeader header, ReadOnlySpan<byte> data, byte[]? existing, int idatState)
    {
        if (existing is not null || idatState != 0 || data.Length == 0 || data.Length % 3 != 0 || data.Length / 3 > 256
            || header.ColorType is PngColorType.Greyscale or PngColorType.GreyscaleAlpha)
        {
            throw new PngFormatException(PngErrorKind.BadPalette, "PLTE is repeated, misplaced, or not 1–256 RGB entries");
        }

        var entries = data.Length / 3;
        if (header.ColorType == PngColorType.Indexed && entries > 1 << header.BitDepth)
        {
            throw new PngFormatException(PngErrorKind.BadPalette, $"PLTE has {entries} entries; bit depth {header.BitDepth} allows {1 << header.BitDepth}");
        }

        var palette = new byte[entries * 4];
        for (var i = 0; i < entries; i++)
        {
            palette[i * 4] = data[i * 3];
            palette[(i * 4) + 1] = data[(i * 3) + 1];
            palette[(i * 4) + 2] = data[(i * 3) + 2];
            palette[(i * 4) + 3] = 255;
        }

        return palette;
    }

    private static (int? Grey, (int, int, int)? Rgb) ReadTransparency(PngHeader header, ReadOnlySpan<byte> data, int idatState, ref byte[]? palette)
    {
        if (idatState != 0)
        {
            throw new PngFormatException(PngErrorKind.BadChunk, "tRNS comes after the image data");
        }

        switch (header.ColorType)
        {
            case PngColorType.Indexed:
                if (palette is null || data.Length > palette.Length / 4)
                {
                    throw new PngFormatException(PngErrorKind.BadChunk, "tRNS comes before PLTE or has more entries than the palette");
                }

                for (var i = 0; i < data.Length; i++)
                {
                    palette[(i * 4) + 3] = data[i];
                }

                return (null, null);
            case PngColorType.Greyscale when data.Length == 2:
                return (BinaryPrimitives.ReadUInt16BigEndian(data), null);
            case PngColorType.Truecolor when data.Length == 6:
                return (null, (BinaryPrimitives.ReadUInt16BigEndian(data), BinaryPrimitives.ReadUInt16BigEndian(data[2..]), BinaryPrimitives.ReadUInt16BigEndian(data[4..])));
            default:
                throw new PngFormatException(PngErrorKind.BadChunk, $"tRNS is not valid for colour type {(int)header.ColorType}");
        }
    }

    private static RgbaImage DecodePixels(PngHeader header, MemoryStream idat, PixelConverter converter)
    {
        var passes = ImagePass.For(header).ToList();
        var bytesPerPixel = Math.Max(1, header.BitsPerPixel / 8);
        var output = new RgbaImage(header.Width, header.Height);
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress, leaveOpen: true);
        try
        {
            foreach (var pass in passes)
            {
                var rowBytes = (int)pass.RowBytes(header);
                var current = new byte[rowBytes + 1];
                var previous = new byte[rowBytes + 1];
                for (var y = 0; y < pass.Height; y++)
                {
                    ReadExactly(zlib, current);
                    ScanlineFilter.Unfilter(current[0], current.AsSpan(1), previous.AsSpan(1), bytesPerPixel);
                    converter.WriteRow(current.AsSpan(1), pass, y, output);
                    (current, previous) = (previous, current);
                }
            }

            // Anything left is more than IHDR allows: stop at the first extra byte (a bomb never inflates further).
            if (zlib.ReadByte() >= 0)
            {
                throw new PngFormatException(PngErrorKind.DataExceedsHeader, "The image data inflates to more than IHDR allows");
            }
        }
        catch (InvalidDataException ex)
        {
            throw new PngFormatException(PngErrorKind.BadCompression, $"The image data is not valid zlib: {ex.Message}");
        }

        return output;
    }

    private static void ReadExactly(Stream stream, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                throw new PngFormatException(PngErrorKind.Truncated, "The image data ends before the last row");
            }

            total += read;
        }
    }
}
