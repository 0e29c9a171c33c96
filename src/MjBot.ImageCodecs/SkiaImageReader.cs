using System.Buffers.Binary;
using System.Runtime.InteropServices;
using MjBot.Core.Generation;
using MjBot.Core.Localization;
using MjBot.Core.Ports;
using MjBot.Imaging;
using MjBot.Imaging.Png;
using SkiaSharp;

namespace MjBot.ImageCodecs;

/// <summary>Reads a member's JPEG, PNG, WebP or GIF (its first frame) with SkiaSharp: the format known from the
/// signature, the size read from the header and checked before any pixel is decoded, large photos scaled down while
/// they decode (JPEG and WebP decode at a fraction of their size, so memory follows what is kept), colour converted to
/// sRGB from the file's profile, the EXIF orientation applied, then encoded with MjBot's PNG encoder. A damaged or
/// truncated file is refused, never half-used.</summary>
public sealed class SkiaImageReader(ImageDecodingOptions options) : IImageReader
{
    public ImageReadResult Read(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var format = ImageFormats.Identify(data);
        if (format == ImageFormat.Unknown)
        {
            return Refused("image.not_image");
        }

        var name = Name(format);
        if (format == ImageFormat.WebP && !WholeRiff(data))
        {
            return Refused("image.damaged", ("format", name));
        }

        using var encoded = SKData.CreateCopy(data);
        using var codec = SKCodec.Create(encoded);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return Refused("image.damaged", ("format", name));
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width > ImageDecodingOptions.MaxSourceSide || height > ImageDecodingOptions.MaxSourceSide || (long)width * height > options.MaxPixels)
        {
            return Refused("image.too_large", ("width", width), ("height", height), ("megapixels", options.MaxImageMegapixels), ("side", ImageDecodingOptions.MaxSourceSide));
        }

        if (Decode(codec) is not { } pixels)
        {
            return Refused("image.damaged", ("format", name));
        }

        var orientation = (int)codec.EncodedOrigin;
        var image = ExifOrientation.Apply(Fitted(pixels), orientation);
        // The size as the image is seen: a portrait phone photo is stored turned (orientations 5–8).
        return orientation >= 5
            ? new ImageReadResult.Read(PngEncoder.Encode(image), name, height, width)
            : new ImageReadResult.Read(PngEncoder.Encode(image), name, width, height);
    }

    private static ImageReadResult.Refused Refused(string key, params MessageArg[] args) =>
        new(CatalogueText.Of("image.refused", ("why", CatalogueText.Of(key, args))));

    private static string Name(ImageFormat format) => format switch
    {
        ImageFormat.Png => "PNG",
        ImageFormat.Jpeg => "JPEG",
        ImageFormat.WebP => "WebP",
        _ => "GIF",
    };

    // Decoded at the scale the codec offers nearest the largest side kept (JPEG's eighths, WebP's any scale), as long as
    // that keeps at least half of it (a 4032-pixel photo decodes at 2016), else at full size; as unpremultiplied RGBA
    // in sRGB; null when the file is damaged or ends early.
    private static RgbaImage? Decode(SKCodec codec)
    {
        var side = Math.Max(codec.Info.Width, codec.Info.Height);
        var size = side > ImageDecodingOptions.MaxSide ? codec.GetScaledDimensions((float)ImageDecodingOptions.MaxSide / side) : codec.Info.Size;
        if (Math.Max(size.Width, size.Height) < ImageDecodingOptions.MaxSide / 2 && side > ImageDecodingOptions.MaxSide)
        {
            // The nearest scale the codec has is too small a picture: decode at full size, and resample.
            size = codec.Info.Size;
        }

        using var srgb = SKColorSpace.CreateSrgb();
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul, srgb);
        var image = new RgbaImage(size.Width, size.Height);
        var handle = GCHandle.Alloc(image.Pixels, GCHandleType.Pinned);
        try
        {
            return codec.GetPixels(info, handle.AddrOfPinnedObject()) == SKCodecResult.Success ? image : null;
        }
        finally
        {
            handle.Free();
        }
    }

    // A WebP shorter than its RIFF header says was cut short (libwebp decodes what it has of a lossless image and
    // reports success).
    private static bool WholeRiff(byte[] data) =>
        data.Length >= 12 && BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(4)) + 8L <= data.Length;

    private static RgbaImage Fitted(RgbaImage image)
    {
        var side = Math.Max(image.Width, image.Height);
        if (side <= ImageDecodingOptions.MaxSide)
        {
            return image;
        }

        var scale = (double)ImageDecodingOptions.MaxSide / side;
        return Resampler.Lanczos3(image, Math.Max(1, (int)Math.Round(image.Width * scale)), Math.Max(1, (int)Math.Round(image.Height * scale)));
    }
}
