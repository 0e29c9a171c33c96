using System.Diagnostics;
using System.Globalization;
using MjBot.Backends.Onnx.Pipeline;
using MjBot.Backends.Onnx.Runtime;
using MjBot.Backends.Onnx.Schedulers;
using MjBot.Core.Prompting;
using MjBot.Imaging.Png;

namespace MjBot.Benchmarks;

/// <summary><c>sd-grid &lt;model folder&gt; [steps] [runs] [cpu|cuda|tensorrt] [size]</c>: seconds per 2×2 grid at
/// the model's native size (or <c>size</c>²), split into text encoder / UNet steps / VAE / PNG, the share that is not
/// UNet, and the process's peak resident memory. The first run is a warm-up (session start, CUDA kernel selection) and
/// is reported apart. ONNX Runtime is the package the benchmark was built with (CPU by default; publish with
/// -p:MjBotOnnxRuntime=gpu for CUDA).</summary>
internal static class SdGridTiming
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("Usage: sd-grid <model folder> [steps] [runs] [cpu|cuda|tensorrt] [size]");
            return 64;
        }

        var folder = args[1];
        var steps = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 25;
        var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;
        var provider = (args.Length > 4 ? args[4] : "cuda") switch
        {
            "cpu" => ExecutionProviderPreference.Cpu,
            "tensorrt" => ExecutionProviderPreference.TensorRt,
            _ => ExecutionProviderPreference.Cuda,
        };
        var opening = Stopwatch.StartNew();
        using var model = StableDiffusionModel.Open(folder, new SessionSettings { Provider = provider });
        Console.WriteLine($"ONNX Runtime {SessionFactory.Version} (providers: {string.Join(", ", SessionFactory.AvailableProviders())}); {ModelFamilyRules.Name(model.Family)} model on {model.ExecutionProvider}{(model.FallbackReason is { } why ? $" (GPU not used: {why})" : string.Empty)}; models opened in {opening.ElapsedMilliseconds} ms");
        var size = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : model.Profile.NativeSize;
        var job = new DiffusionJob
        {
            Width = size,
            Height = size,
            Steps = steps,
            Sampler = model.Profile.GuidanceOff ? SamplerKind.EulerAncestral : model.Profile.Sampler,
            Prompts = [.. Enumerable.Repeat<IReadOnlyList<PromptSegment>>([new PromptSegment("a red fox in snow, golden hour, detailed fur", 1)], 4)],
            Seeds = [1, 2, 3, 4],
            Guidance = [.. Enumerable.Repeat(model.Profile.Guidance, 4)],
        };
        Console.WriteLine($"2x2 grid at {size}x{size}, {steps} steps, guidance {model.Profile.Guidance} (UNet batch {(model.Profile.GuidanceOff || job.Sampler == SamplerKind.Lcm ? 4 : 8)})");
        Console.WriteLine("run    total s   text ms   unet ms (per step)   vae ms   png ms   non-UNet %");
        var totals = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            var timings = new PipelineTimings();
            var started = Stopwatch.GetTimestamp();
            var output = new DiffusionPipeline(model, timings).Run(job, null, default);
            var pngStarted = Stopwatch.GetTimestamp();
            foreach (var image in output.Images)
            {
                PngEncoder.Encode(image);
            }

            var png = Stopwatch.GetElapsedTime(pngStarted).TotalMilliseconds;
            var total = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var unet = timings.Denoising.TotalMilliseconds;
            var overhead = 100 * (1 - (unet / (total * 1000)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(run == 0 ? "warm-up" : run.ToString(CultureInfo.InvariantCulture)),-6} {total,8:F3} {timings.TextEncoder.TotalMilliseconds,9:F1} {unet,9:F1} ({unet / timings.Steps,7:F2}) {timings.Vae.TotalMilliseconds,8:F1} {png,8:F1} {overhead,10:F1}"));
            if (run > 0)
            {
                totals.Add(total);
            }
        }

        totals.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median {totals[totals.Count / 2]:F3} s per grid; peak RSS {PeakRssMiB()} MiB"));
        return 0;
    }

    private static long PeakRssMiB()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(static l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
