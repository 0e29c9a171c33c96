using BenchmarkDotNet.Running;
using MjBot.Benchmarks;

// "compare-imaging [N]" times the grid work against Pillow and vips; anything else goes to BenchmarkDotNet.
return args is ["compare-imaging", ..]
    ? ImagingComparison.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 7)
    : RunBenchmarks(args);

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
