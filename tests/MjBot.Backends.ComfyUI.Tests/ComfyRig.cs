using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using MjBot.Backends.ComfyUI.Graphs;
using MjBot.Backends.ComfyUI.Pool;
using MjBot.Backends.ComfyUI.Wire;
using MjBot.Backends.ComfyUI.Workflows;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Prompting;
using MjBot.Testing.ComfyUI;

namespace MjBot.Backends.ComfyUI.Tests;

/// <summary>The backend wired by hand over stand-in servers: the options the tests share (an alias per family and
/// shape), a pool checked once, and requests parsed from prompts.</summary>
internal sealed class ComfyRig : IDisposable
{
    private readonly HttpClient _http;
    private readonly MeterFactory _meters;

    private ComfyRig(ComfyUIOptions options, ServerPool pool, ComfyImageBackend backend, HttpClient http, MeterFactory meters)
    {
        (_http, _meters) = (http, meters);
        Options = options;
        Pool = pool;
        Backend = backend;
    }

    public ComfyUIOptions Options { get; }

    public ServerPool Pool { get; }

    public ComfyImageBackend Backend { get; }

    public static ComfyUIOptions DefaultOptions(params ComfyStandIn[] servers) => new()
    {
        Servers = [.. servers.Select(static s => new ComfyServerOptions { Url = s.Address.ToString() })],
        DefaultModel = "sd15",
        Models = new()
        {
            ["sd15"] = new() { Family = "sd15", Checkpoint = "v1-5-pruned-emaonly.safetensors" },
            ["sdxl"] = new() { Family = "sdxl", Checkpoint = "sd_xl_base_1.0.safetensors" },
            ["flux"] = new() { Family = "flux", Unet = "flux1-schnell.safetensors", Clip = "clip_l.safetensors", Clip2 = "t5xxl_fp8_e4m3fn.safetensors", Vae = "ae.safetensors" },
            ["sdxl-split"] = new() { Family = "sdxl", Unet = "sdxl_unet.safetensors", Clip = "clip_l.safetensors", Clip2 = "clip_g.safetensors", Vae = "sdxl_vae.safetensors" },
            ["flux-dev"] = new() { Family = "flux", Checkpoint = "flux1-dev-fp8.safetensors" },
            ["inpaint"] = new() { Family = "sd15", Checkpoint = "sd-v1-5-inpainting.ckpt" },
        },
        InpaintModel = "inpaint",
        UpscaleModel = "4x-UltraSharp.pth",
        StallSeconds = 30,
    };

    public static async Task<ComfyRig> StartAsync(ComfyUIOptions options, TimeProvider? time = null)
    {
        var rig = Create(options, time);
        await rig.Pool.RefreshAsync(CancellationToken.None);
        return rig;
    }

    public static ComfyRig Create(ComfyUIOptions options, TimeProvider? time = null)
    {
        var workflows = WorkflowSet.Load(options.WorkflowFolder);
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var pool = new ServerPool(options.Servers.Select(s => new ComfyClient(http, s)), workflows, NullLogger.Instance);
        var planner = new JobPlanner(options, workflows);
        var meters = new MeterFactory();
        var runner = new PromptRunner(pool, planner, options, new ComfyMetrics(meters, pool), time ?? TimeProvider.System, NullLogger.Instance);
        return new ComfyRig(options, pool, new ComfyImageBackend(options, workflows, pool, planner, runner), http, meters);
    }

    public static GenerationRequest Request(string prompt, JobKind kind = JobKind.Imagine, long seed = 1000, byte[]? source = null, string? option = null, string? jobId = null) =>
        new(kind, ((PromptParseResult.Success)PromptParser.Parse(prompt)).Jobs[0], seed, source, option) { JobId = jobId ?? Guid.NewGuid().ToString("N") };

    public void Dispose()
    {
        _http.Dispose();
        _meters.Dispose();
    }

    private sealed class MeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }
        }
    }
}
