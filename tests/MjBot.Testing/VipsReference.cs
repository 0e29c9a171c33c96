using System.Buffers.Binary;
using System.Diagnostics;

using MjBot.Imaging;

namespace MjBot.Testing;

/// <summary>An independent decoder: libvips' CLI (Debian's libvips-tools, installed by
/// eng/install-test-prerequisites.sh) converts each image (PNG, JPEG, WebP, GIF; its first page) to its native .v format, whose pixels this class reads and
/// reduces to 8-bit RGBA by the same rules MjBot documents (16-bit → high byte; grey → R=G=B).</summary>
public static class VipsReference
{
    /// <summary>Runs <c>vips</c> with <paramref name="arguments"/> (e.g. a conversion to JPEG).</summary>
    public static void Run(string arguments)
    {
        var start = new ProcessStartInfo("/bin/bash", ["-c", "vips " + arguments]) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"vips {arguments} failed: {error}");
        }
    }

    /// <summary>Converts every file with one shell loop (one process, not one per file) and reads the results.</summary>
    public static Dictionary<string, RgbaImage> DecodeAll(IReadOnlyList<string> files, string workFolder)
    {
        var script = string.Join('\n', files.Select(f => $"vips copy '{f}' '{Path.Combine(workFolder, Path.GetFileName(f))}.v' || exit 3"));
        var start = new ProcessStartInfo("/bin/bash", ["-c", script]) { RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("vips failed (run eng/install-test-prerequisites.sh): " + error);
        }

        return files.ToDictionary(static f => Path.GetFileName(f), f => Read(Path.Combine(workFolder, Path.GetFileName(f) + ".v")));
    }

    private static RgbaImage Read(string path)
    {
        var file = File.ReadAllBytes(path);
        int width = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(4)), height = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(8));
        int bands = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(12)), format = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(20));
        if (format is not (0 or 2))
        {
            throw new InvalidOperationException($"{path}: unexpected vips band format {format}");
        }

        var sampleBytes = format == 0 ? 1 : 2;
        var image = new RgbaImage(width, height);
        for (var p = 0; p < width * height; p++)
        {
            var samples = new byte[bands];
            for (var b = 0; b < bands; b++)
            {
                var at = 64 + (((p * bands) + b) * sampleBytes);
                samples[b] = sampleBytes == 1 ? file[at] : (byte)(BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(at)) >> 8);
            }

            byte[] rgba = bands switch
            {
                1 => [samples[0], samples[0], samples[0], 255],
                2 => [samples[0], samples[0], samples[0], samples[1]],
                3 => [samples[0], samples[1], samples[2], 255],
                _ => [samples[0], samples[1], samples[2], samples[3]],
            };
            rgba.CopyTo(image.Pixels, p * 4);
        }

        return image;
    }
}
