using System.Diagnostics;
using MjBot.Imaging.Png;

namespace MjBot.Benchmarks;

/// <summary>The same grid work by MjBot, Pillow (in-process timing, interpreter start excluded) and the vips CLI
/// (whole command, as a script would run it): median of N runs, one after the other, with output sizes.</summary>
internal static class ImagingComparison
{
    public static int Run(int iterations)
    {
        var folder = Directory.CreateTempSubdirectory("mjbot-imaging-bench-").FullName;
        var inputs = Enumerable.Range(1, 4).Select(seed => Path.Combine(folder, $"in{seed}.png")).ToList();
        for (var i = 0; i < 4; i++)
        {
            File.WriteAllBytes(inputs[i], PngEncoder.Encode(PhotoLikeImages.Create(1024, i + 1)));
        }

        var ours = MedianTiming.Of(iterations, () =>
        {
            var png = GridPipeline.Run([.. inputs.Select(File.ReadAllBytes)]);
            File.WriteAllBytes(Path.Combine(folder, "ours.png"), png);
        });
        var pillow = RunPillow(inputs, Path.Combine(folder, "pillow.png"), iterations);
        var vips = MedianTiming.Of(iterations, () => Execute("vips", ["arrayjoin", string.Join(' ', inputs), Path.Combine(folder, "vips.png"), "--across", "2"]));
        long Size(string name) => new FileInfo(Path.Combine(folder, name)).Length;

        Console.WriteLine($"Inputs: 4 × 1024×1024 photo-like PNGs, {inputs.Sum(static f => new FileInfo(f).Length) / 1024} KiB in all; median of {iterations} runs");
        Console.WriteLine("| Tool | Time | Ratio to Pillow | Output |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine($"| MjBot | {ours:F0} ms | {ours / pillow:F2} | {Size("ours.png") / 1024} KiB |");
        Console.WriteLine($"| Pillow {PillowVersion()} | {pillow:F0} ms | 1.00 | {Size("pillow.png") / 1024} KiB |");
        Console.WriteLine($"| vips CLI | {vips:F0} ms | {vips / pillow:F2} | {Size("vips.png") / 1024} KiB |");
        Directory.Delete(folder, recursive: true);
        return 0;
    }

    private static double RunPillow(List<string> inputs, string output, int iterations)
    {
        return double.Parse(Execute("/usr/bin/python3", ["-c", PillowGrid.Script, .. inputs, output, iterations.ToString(System.Globalization.CultureInfo.InvariantCulture)]), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string PillowVersion() => Execute("/usr/bin/python3", ["-c", "import PIL; print(PIL.__version__)"]).Trim();

    private static string Execute(string file, string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} failed: {error}");
    }
}
