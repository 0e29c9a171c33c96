using MjBot.Imaging;
using MjBot.Imaging.Png;
using MjBot.Testing;

namespace MjBot.ImageCodecs.Tests;

/// <summary>Members' images made by an encoder nobody here wrote: a PNG of ours converted by libvips' CLI to JPEG,
/// WebP (lossy and lossless) and GIF, in a temp folder.</summary>
internal sealed class Samples : IDisposable
{
    private readonly TempFolder _folder = new();

    public string Folder => _folder.Path;

    /// <summary>A smooth gradient with a few hard edges (what photos and drawings both have).</summary>
    public static RgbaImage Gradient(int width, int height)
    {
        var image = new RgbaImage(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = ((y * width) + x) * 4;
                var block = ((x / 40) + (y / 40)) % 2 == 0;
                (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2], image.Pixels[i + 3]) =
                    ((byte)(x * 255 / Math.Max(1, width - 1)), (byte)(y * 255 / Math.Max(1, height - 1)), (byte)(block ? 200 : 60), 255);
            }
        }

        return image;
    }

    /// <summary>Writes <paramref name="image"/> as PNG and has vips convert it to <paramref name="target"/> (a file
    /// name whose extension and [options] vips reads, e.g. "a.jpg[Q=90]"); returns the converted file's path.</summary>
    public string Convert(RgbaImage image, string target)
    {
        var source = _folder.Combine(Guid.NewGuid().ToString("N") + ".png");
        File.WriteAllBytes(source, PngEncoder.Encode(image));
        var path = _folder.Combine(target.Split('[')[0]);
        // Without metadata, so a file cut short is cut in its pixels, not in a trailing EXIF block.
        var options = target.Contains('[', StringComparison.Ordinal) ? target.Replace("]", ",strip]", StringComparison.Ordinal) : target + "[strip]";
        VipsReference.Run($"copy '{source}' '{_folder.Combine(options)}'");
        return path;
    }

    public void Dispose() => _folder.Dispose();
}
