using BenchmarkDotNet.Running;
using MjBot.Benchmarks;

// "compare-imaging [N]" times the grid work against Pillow and vips; "discord-latency [N] [rounds]" times dispatch to
// callback over loopback; "queue-transitions [N]" times the persisted state machine; "host-load" measures the host
// process's memory and acknowledgements; "sd-grid <model> [steps] [runs] [cpu|cuda]" times a Stable Diffusion grid
// split by stage; anything else goes to BenchmarkDotNet.
return args switch
{
    ["compare-imaging", ..] => ImagingComparison.Run(Number(args, 1, 7)),
    ["compare-encoders", ..] => EncoderComparison.Run(Number(args, 1, 7)),
    ["discord-latency", ..] => await DispatchLatency.RunAsync(Number(args, 1, 500), Number(args, 2, 5)),
    ["queue-transitions", ..] => await QueueTransitions.RunAsync(Number(args, 1, 20_000)),
    ["host-load", ..] => await HostUnderLoad.RunAsync(),
    ["sd-grid", ..] => SdGridTiming.Run(args),
    _ => RunBenchmarks(args),
};

static int Number(string[] args, int index, int fallback) =>
    args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(PromptParserBenchmarks).Assembly).Run(args);
    return 0;
}
