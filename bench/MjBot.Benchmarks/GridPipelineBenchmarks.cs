using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using MjBot.Imaging.Png;

namespace MjBot.Benchmarks;

/// <summary>Decode four 1024×1024 photo-like PNGs, compose the 2048×2048 grid, encode it (zlib level 6): MjBot in
/// process; Pillow and the vips CLI as processes (their start-up included; <c>compare-imaging</c> reports Pillow
/// without it). Pillow is the baseline, so the Ratio column reads "times Pillow's".</summary>
[MemoryDiagnoser]
public class GridPipelineBenchmarks
{
    private byte[][] _inputs = [];
    private string _folder = string.Empty;
    private string[] _paths = [];

    [GlobalSetup]
    public void Setup()
    {
        _inputs = [.. Enumerable.Range(1, 4).Select(static seed => PngEncoder.Encode(PhotoLikeImages.Create(1024, seed)))];
        _folder = Directory.CreateTempSubdirectory("mjbot-grid-bench-").FullName;
        _paths = [.. _inputs.Select((png, i) => Path.Combine(_folder, $"in{i}.png"))];
        for (var i = 0; i < 4; i++)
        {
            File.WriteAllBytes(_paths[i], _inputs[i]);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public byte[] MjBot() => GridPipeline.Run([.. _paths.Select(File.ReadAllBytes)]);

    [Benchmark(Baseline = true)]
    public int Pillow() => Execute("/usr/bin/python3", ["-c", PillowGrid.Script, .. _paths, Path.Combine(_folder, "pillow.png"), "0"]);

    [Benchmark]
    public int VipsCli() => Execute("vips", ["arrayjoin", string.Join(' ', _paths), Path.Combine(_folder, "vips.png"), "--across", "2"]);

    private static int Execute(string file, string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true })!;
        process.WaitForExit();
        return process.ExitCode == 0 ? 0 : throw new InvalidOperationException($"{file} failed: {process.StandardError.ReadToEnd()}");
    }
}
