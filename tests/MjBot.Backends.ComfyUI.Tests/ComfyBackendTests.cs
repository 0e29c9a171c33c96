using System.Collections.Concurrent;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Imaging.Png;
using MjBot.Testing.ComfyUI;

namespace MjBot.Backends.ComfyUI.Tests;

/// <summary>The backend against stand-in ComfyUI servers on loopback: grids with previews, derived jobs, errors,
/// Cancel, a pool that loses a server mid-job, and a restart that finds its prompt again.</summary>
public sealed class ComfyBackendTests : IAsyncLifetime
{
    private ComfyStandIn _server = null!;

    public async Task InitializeAsync() => _server = await ComfyStandIn.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Generate_Grid_FourImagesOfTheAspectWithProgressAndPreviews()
    {
        using var rig = await ComfyRig.StartAsync(ComfyRig.DefaultOptions(_server));
        var progress = new Recorded();

        var result = await rig.Backend.GenerateAsync(ComfyRig.Request("a red fox in snow --ar 16:9 --seed 7"), progress, CancellationToken.None);

        Assert.Equal(4, result.Images.Count);
        var images = result.Images.Select(static i => Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(i)).Image.Pixels).ToList();
        Assert.All(images, static i => Assert.Equal((704, 384), (i.Width, i.Height)));
        Assert.Equal(4, images.Select(static i => (i.Pixels[0], i.Pixels[1], i.Pixels[2])).Distinct().Count());
        Assert.Contains(progress.Reports, static p => p.Preview is not null && PngDecoder.Decode(p.Preview) is PngDecodeResult.Success);
        Assert.Equal(progress.Reports.Select(static p => p.Percent).Order(), progress.Reports.Select(static p => p.Percent));
        var body = Assert.Single(_server.Submitted);
        Assert.Equal("auto", body["extra_data"]!["preview_method"]!.GetValue<string>());
        Assert.Equal(PromptIds.ClientOf(body["prompt_id"]!.GetValue<string>()), body["client_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Generate_Lora_LoadedWithItsWeightAndChangesTheImages()
    {
        using var rig = await ComfyRig.StartAsync(ComfyRig.DefaultOptions(_server));

        var plain = await rig.Backend.GenerateAsync(ComfyRig.Request("a red fox --seed 7"), new Recorded(), CancellationToken.None);
        var styled = await rig.Backend.GenerateAsync(ComfyRig.Request("a red fox --seed 7 --lora styles/watercolor:0.6"), new Recorded(), CancellationToken.None);

        var lora = _server.Submitted.Last()["prompt"]!.AsObject().Single(static n => n.Value!["class_type"]!.GetValue<string>() == "LoraLoader").Value!["inputs"]!;
        Assert.Equal("styles/watercolor.safetensors", lora["lora_name"]!.GetValue<string>());
        Assert.Equal(0.6, lora["strength_model"]!.GetValue<double>());
        Assert.NotEqual(plain.Images[0], styled.Images[0]);
        Assert.Equal(new HashSet<string> { "pixel-art", "styles/watercolor" }, rig.Backend.LoraNames);
    }

    [Fact]
    public async Task Generate_VariationZoomAndUpscale_FromTheSourceImage()
    {
        using var rig = await ComfyRig.StartAsync(ComfyRig.DefaultOptions(_server));
        var grid = await rig.Backend.GenerateAsync(ComfyRig.Request("a red fox --seed 7"), new Recorded(), CancellationToken.None);
        var source = grid.Images[1];

        var varied = await rig.Backend.GenerateAsync(ComfyRig.Request("a red fox", JobKind.Variation, source: source, option: "subtle"), new Recorded(), CancellationToken.None);
        var zoomed = await rig.Backend.GenerateAsync(ComfyRig.Request("a red fox", JobKind.ZoomOut, source: source, option: "2"), new Recorded(), CancellationToken.None);
        var upscaled = await rig.Backend.GenerateAsync(ComfyRig.Request("a red fox", JobKind.Upscale, source: source, option: "subtle"), new Recorded(), CancellationToken.None);

        Assert.Equal(4, varied.Images.Count);
        var original = Pixels(source);
        var zoom = Pixels(zoomed.Images[0]);
        Assert.Equal((512, 512), (zoom.Width, zoom.Height));
        Assert.Equal(original.Pixels[..3], zoom.Pixels.AsSpan(((256 * 512) + 256) * 4, 3).ToArray());
        Assert.NotEqual(original.Pixels[..3], zoom.Pixels[..3]);
        var up = Pixels(Assert.Single(upscaled.Images));
        Assert.Equal((1024, 1024), (up.Width, up.Height));
        Assert.True(rig.Backend.Capabilities.HasFlag(BackendCapabilities.UpscalesItself));
    }

    [Fact]
    public async Task Generate_NodeFails_OneSentenceNamingTheNodeWithoutTheTraceback()
    {
        using var rig = await ComfyRig.StartAsync(ComfyRig.DefaultOptions(_server));
        _server.FailNext("VAEDecode", "Expected tensor to have 4 channels");

        var ex = await Assert.ThrowsAsync<GenerationException>(() => rig.Backend.GenerateAsync(ComfyRig.Request("a red fox"), new Recorded(), CancellationToken.None));

        Assert.False(ex.Retryable);
        Assert.Equal("ComfyUI failed in its VAEDecode node: Expected tensor to have 4 channels", ex.Reason.English);
    }

    [Fact]
    public async Task Generate_OutOfMemory_Retryable()
    {
        using var rig = await ComfyRig.StartAsync(ComfyRig.DefaultOptions(_server));
        _server.FailNext("KSampler", "Allocation on device", "torch.OutOfMemoryError");

        var ex = await Assert.ThrowsAsync<GenerationException>(() => rig.Backend.GenerateAsync(ComfyRig.Request("a red fox"), new Recorded(), CancellationToken.None));

        Assert.True(ex.Retryable);
        Assert.Contains("out of GPU memory", ex.Reason.English, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_MissingCheckpoint_RefusedNamingTheFile()
    {
        var options = ComfyRig.DefaultOptions(_server);
        options.Models["gone"] = new ComfyModelOptions { Checkpoint = "nope.safetensors" };
        using var rig = await ComfyRig.StartAsync(options);

        var ex = await Assert.ThrowsAsync<GenerationException>(() => rig.Backend.GenerateAsync(ComfyRig.Request("a red fox --model gone"), new Recorded(), CancellationToken.None));

        Assert.False(ex.Retryable);
        Assert.Contains("checkpoints/nope.safetensors", ex.Reason.English, StringComparison.Ordinal);
        Assert.Empty(_server.Submitted);
    }

    [Fact]
    public async Task Generate_MemberCancels_InterruptsOurPromptOnly()
    {
        using var rig = await ComfyRig.StartAsync(ComfyRig.DefaultOptions(_server));
        _server.Hold();
        using var cancel = new CancellationTokenSource();
        var request = ComfyRig.Request("a red fox") with { MemberCancelled = cancel.Token };
        var run = rig.Backend.GenerateAsync(request, new Recorded(), cancel.Token);
        var running = await _server.RunningAsync();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        Assert.Equal(running, Assert.Single(_server.Interrupts));
        Assert.Contains(running, _server.Deleted);
    }

    [Fact]
    public async Task Generate_ServerKilledMidJob_RunsOnTheOtherServer()
    {
        await using var second = await ComfyStandIn.StartAsync();
        using var rig = await ComfyRig.StartAsync(ComfyRig.DefaultOptions(_server, second));
        _server.Hold();
        second.Hold();
        var run = rig.Backend.GenerateAsync(ComfyRig.Request("a red fox"), new Recorded(), CancellationToken.None);
        var first = await Task.WhenAny(_server.RunningAsync(), second.RunningAsync());
        var (dying, surviving) = first == _server.RunningAsync() ? (_server, second) : (second, _server);

        surviving.Release();
        await dying.DisposeAsync();
        var result = await run;

        Assert.Equal(4, result.Images.Count);
        Assert.Single(surviving.Submitted);
        Assert.Contains(rig.Pool.Servers, static s => !s.Healthy);
    }

    [Fact]
    public async Task Generate_AfterRestart_FindsTheRunningPromptAndDoesNotQueueItAgain()
    {
        var options = ComfyRig.DefaultOptions(_server);
        var request = ComfyRig.Request("a red fox", jobId: "job-restart-1");
        _server.Hold();
        using (var before = await ComfyRig.StartAsync(options))
        {
            using var stopping = new CancellationTokenSource();
            var run = before.Backend.GenerateAsync(request, new Recorded(), stopping.Token);
            await _server.RunningAsync();
            await stopping.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        Assert.Empty(_server.Interrupts);
        using var after = await ComfyRig.StartAsync(options);
        var again = after.Backend.GenerateAsync(request, new Recorded(), CancellationToken.None);
        _server.Release();
        var result = await again;

        Assert.Equal(4, result.Images.Count);
        Assert.Single(_server.Submitted);
        Assert.Equal(1, _server.Executions);

        // Run a third time (a delivery that failed after the images were made): the history answers, nothing runs.
        using var third = await ComfyRig.StartAsync(options);
        var repeated = await third.Backend.GenerateAsync(request, new Recorded(), CancellationToken.None);
        Assert.Equal(result.Images, repeated.Images);
        Assert.Single(_server.Submitted);
    }

    [Fact]
    public async Task Generate_RetryAfterAFailedRunWithTheSocketDropped_NotAnsweredByTheFailedRun()
    {
        using var rig = await ComfyRig.StartAsync(ComfyRig.DefaultOptions(_server));
        var request = ComfyRig.Request("a red fox", jobId: "job-retried-1");
        _server.FailNext("KSampler", "Allocation on device", "torch.OutOfMemoryError");
        var failed = await Assert.ThrowsAsync<GenerationException>(() => rig.Backend.GenerateAsync(request, new Recorded(), CancellationToken.None));
        Assert.True(failed.Retryable);

        // The retry runs under the same prompt id; its socket drops, so the history is read mid-run.
        _server.Hold();
        var retry = rig.Backend.GenerateAsync(request, new Recorded(), CancellationToken.None);
        var running = await _server.RunningAsync();
        await _server.CloseSocketsAsync();
        _server.Release();
        var result = await retry;

        Assert.Equal(4, result.Images.Count);
        Assert.Equal(2, _server.Executions);
        Assert.Contains(running, _server.Forgotten);
    }

    [Fact]
    public async Task Generate_MemberCancelsAQueuedJobOnAnOldServer_TheRunningPromptOfAnotherClientGoesOn()
    {
        await _server.DisposeAsync();
        _server = await ComfyStandIn.StartAsync(new StandInOptions { InterruptsWhateverRuns = true });
        using var rig = await ComfyRig.StartAsync(ComfyRig.DefaultOptions(_server));
        _server.Hold();
        var first = rig.Backend.GenerateAsync(ComfyRig.Request("a red fox"), new Recorded(), CancellationToken.None);
        await _server.RunningAsync();
        using var cancel = new CancellationTokenSource();
        var queued = _server.NextQueuedAsync();
        var second = rig.Backend.GenerateAsync(ComfyRig.Request("a blue fox") with { MemberCancelled = cancel.Token }, new Recorded(), cancel.Token);
        var waiting = await queued;

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        _server.Release();
        var result = await first;

        Assert.Equal(4, result.Images.Count);
        Assert.Empty(_server.Interrupts);
        Assert.Contains(waiting, _server.Deleted);
    }

    [Fact]
    public async Task Generate_ServerLostAndTheOtherLacksTheLora_RetryableServerLost()
    {
        var files = new StandInOptions().Files;
        files["loras"] = [];
        await using var second = await ComfyStandIn.StartAsync(new StandInOptions { Files = files });
        using var rig = await ComfyRig.StartAsync(ComfyRig.DefaultOptions(_server, second));
        _server.Hold();
        var run = rig.Backend.GenerateAsync(ComfyRig.Request("a red fox --lora pixel-art"), new Recorded(), CancellationToken.None);
        await _server.RunningAsync();

        await _server.DisposeAsync();
        var ex = await Assert.ThrowsAsync<GenerationException>(() => run);
        _server = await ComfyStandIn.StartAsync();

        Assert.True(ex.Retryable);
        Assert.StartsWith("The ComfyUI server running the job went away", ex.Reason.English, StringComparison.Ordinal);
        Assert.Empty(second.Submitted);
    }

    [Fact]
    public async Task Generate_NoServerReachable_RetryableSentence()
    {
        var options = ComfyRig.DefaultOptions(_server);
        await _server.DisposeAsync();
        using var rig = await ComfyRig.StartAsync(options);
        _server = await ComfyStandIn.StartAsync();

        var ex = await Assert.ThrowsAsync<GenerationException>(() => rig.Backend.GenerateAsync(ComfyRig.Request("a red fox"), new Recorded(), CancellationToken.None));

        Assert.True(ex.Retryable);
        Assert.StartsWith("No ComfyUI server is reachable", ex.Reason.English, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ServerWithAHeader_NeverPrintsItsValue()
    {
        var server = new ComfyServerOptions { Url = "http://gpu:8188", HeaderName = "Authorization", HeaderValue = "Bearer s3cret" };

        Assert.DoesNotContain("s3cret", server.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", new ComfyUIOptions { Servers = [server] }.ToString(), StringComparison.Ordinal);
    }

    private static MjBot.Imaging.RgbaImage Pixels(byte[] png) => Assert.IsType<PngDecodeResult.Success>(PngDecoder.Decode(png)).Image.Pixels;

    private sealed class Recorded : IProgress<GenerationProgress>
    {
        private readonly ConcurrentQueue<GenerationProgress> _reports = new();

        public IReadOnlyList<GenerationProgress> Reports => [.. _reports];

        public void Report(GenerationProgress value) => _reports.Enqueue(value);
    }

}
