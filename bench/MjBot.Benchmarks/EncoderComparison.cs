using System.Runtime.InteropServices;
using MjBot.Core.Generation;
using MjBot.ImageCodecs;
using MjBot.Imaging;
using MjBot.Imaging.Png;
using SkiaSharp;

namespace MjBot.Benchmarks;

/// <summary>Our PNG encoder and decoder beside SkiaSharp's, on one photo-like 2048×2048 grid in one run (median of N,
/// one after the other), with the output sizes; then what members' images cost to read (SkiaImageReader on a 4032×3024
/// JPEG and WebP, which decode at half size).</summary>
internal static class EncoderComparison
{
    public static int Run(int iterations)
    {
        var grid = ImageGrid.Compose([.. Enumerable.Range(1, 4).Select(static seed => PhotoLikeImages.Create(1024, seed))]);
        using var bitmap = Bitmap(grid);
        using var skImage = SKImage.FromBitmap(bitmap);
        byte[] ours = [], ours6 = [], skiaPng = [], webp = [], jpeg = [];
        var rows = new List<(string Name, double Ms, long Bytes)>
        {
            ("MjBot PNG (default level)", MedianTiming.Of(iterations, () => ours = PngEncoder.Encode(grid)), 0),
            ("MjBot PNG (level 6, grids)", MedianTiming.Of(iterations, () => ours6 = PngEncoder.Encode(grid, new PngEncoderOptions { CompressionLevel = 6 })), 0),
            ("SkiaSharp PNG", MedianTiming.Of(iterations, () => skiaPng = Encode(skImage, SKEncodedImageFormat.Png, 100)), 0),
            ("SkiaSharp WebP q90", MedianTiming.Of(iterations, () => webp = Encode(skImage, SKEncodedImageFormat.Webp, 90)), 0),
            ("SkiaSharp JPEG q90", MedianTiming.Of(iterations, () => jpeg = Encode(skImage, SKEncodedImageFormat.Jpeg, 90)), 0),
        };
        long[] sizes = [ours.Length, ours6.Length, skiaPng.Length, webp.Length, jpeg.Length];
        var decodeOurs = MedianTiming.Of(iterations, () => _ = PngDecoder.Decode(ours6));
        var decodeSkia = MedianTiming.Of(iterations, () => SKBitmap.Decode(ours6).Dispose());

        Console.WriteLine($"Encoding one 2048×2048 photo-like grid; median of {iterations} runs; {Environment.ProcessorCount} cores");
        Console.WriteLine("| Encoder | Time | Output |");
        Console.WriteLine("|---|---:|---:|");
        for (var i = 0; i < rows.Count; i++)
        {
            Console.WriteLine($"| {rows[i].Name} | {rows[i].Ms:F0} ms | {sizes[i] / 1024} KiB |");
        }

        Console.WriteLine($"| Decoding that PNG: MjBot | {decodeOurs:F0} ms | |");
        Console.WriteLine($"| Decoding that PNG: SkiaSharp | {decodeSkia:F0} ms | |");

        var photo = Encode(SKImage.FromBitmap(Bitmap(PhotoLikeImages.Create(4032, 7))), SKEncodedImageFormat.Jpeg, 90);
        var photoWebp = Encode(SKImage.FromBitmap(Bitmap(PhotoLikeImages.Create(4032, 7))), SKEncodedImageFormat.Webp, 90);
        var reader = new SkiaImageReader(new ImageDecodingOptions());
        var jpegRead = MedianTiming.Of(iterations, () => _ = (ImageReadResult.Read)reader.Read(photo));
        var webpRead = MedianTiming.Of(iterations, () => _ = (ImageReadResult.Read)reader.Read(photoWebp));
        Console.WriteLine($"| Reading a member's 4032×4032 JPEG ({photo.Length / 1024} KiB) to a 2016×2016 PNG | {jpegRead:F0} ms | |");
        Console.WriteLine($"| Reading a member's 4032×4032 WebP ({photoWebp.Length / 1024} KiB) to a 2016×2016 PNG | {webpRead:F0} ms | |");
        return 0;
    }

    private static SKBitmap Bitmap(RgbaImage image)
    {
        var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Marshal.Copy(image.Pixels, 0, bitmap.GetPixels(), image.Pixels.Length);
        return bitmap;
    }

    private static byte[] Encode(SKImage image, SKEncodedImageFormat format, int quality)
    {
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }
}
