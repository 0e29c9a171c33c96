using Microsoft.Extensions.Logging;
using MjBot.Backends.ComfyUI.Graphs;
using MjBot.Backends.ComfyUI.Pool;
using MjBot.Backends.ComfyUI.Wire;
using MjBot.Core.Generation;
using MjBot.Imaging;
using MjBot.Imaging.Png;

namespace MjBot.Backends.ComfyUI;

/// <summary>Runs one job on the pool: first looks for the job's prompt on every healthy server (a restart finds its
/// running or finished work there and posts it once), else places it, uploads its image, opens the WebSocket and
/// queues the graph; then follows the socket (progress, previews, errors, the end marker), reading the history when
/// the socket goes quiet, and fetches the images. A server lost on the way sends the job to the next one; the
/// member's Cancel interrupts our prompt and removes it from the queue.</summary>
internal sealed class PromptRunner(ServerPool pool, JobPlanner planner, ComfyUIOptions options, ComfyMetrics metrics, TimeProvider time, ILogger logger)
{
    public async Task<GenerationResult> RunAsync(GenerationRequest request, IProgress<GenerationProgress> progress, CancellationToken cancellationToken)
    {
        var job = planner.Plan(request);
        var promptId = PromptIds.For(request.JobId);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(options.TimeoutMinutes), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var tried = new HashSet<PooledServer>();
        await pool.EnsureCheckedAsync(linked.Token);
        var found = await FindAsync(promptId, linked.Token);
        while (true)
        {
            var server = found?.Server ?? PlaceAfter(job, tried);
            try
            {
                var images = await RunOnAsync(server, job, promptId, found?.Entry, found is not null, progress, request, linked.Token);
                metrics.Finished(server.Label, "succeeded");
                return new GenerationResult(images, job.Notices);
            }
            catch (ServerUnavailableException ex)
            {
                metrics.Finished(server.Label, "server_lost");
                pool.MarkDown(server, ex.Message);
                logger.PromptMoved(promptId, server.Label, ex.Message);
                tried.Add(server);
                found = null;
                progress.Report(new GenerationProgress(0, null));
                if (!pool.Servers.Any(s => s.Healthy && !tried.Contains(s)))
                {
                    throw GenerationException.Of("failure.comfy_server_lost", retryable: true);
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                metrics.Finished(server.Label, "timeout");
                await CancelAsync(server, promptId);
                throw GenerationException.Of("failure.comfy_timeout", retryable: true, ("minutes", options.TimeoutMinutes));
            }
            catch (OperationCanceledException) when (request.MemberCancelled.IsCancellationRequested)
            {
                metrics.Finished(server.Label, "cancelled");
                await CancelAsync(server, promptId);
                throw;
            }
            catch (GenerationException)
            {
                metrics.Finished(server.Label, "failed");
                throw;
            }
        }
    }

    // After a server was lost, the servers left lacking the job's files is that loss, not the member's request: the job
    // waits for a server that has them (the next health check may find the lost one back).
    private PooledServer PlaceAfter(PlannedJob job, HashSet<PooledServer> tried)
    {
        try
        {
            return pool.Place(job, tried);
        }
        catch (GenerationException ex) when (tried.Count > 0 && !ex.Retryable)
        {
            throw GenerationException.Of("failure.comfy_server_lost", retryable: true);
        }
    }

    // The job's prompt on a server already (queued or run before a restart): finished there, or still to finish.
    private async Task<(PooledServer Server, HistoryEntry? Entry)?> FindAsync(string promptId, CancellationToken cancellationToken)
    {
        foreach (var server in pool.Servers.Where(static s => s.Healthy))
        {
            try
            {
                if (await server.Client.HistoryAsync(promptId, cancellationToken) is { Succeeded: true } entry)
                {
                    logger.PromptFound(promptId, server.Label, "finished");
                    return (server, entry);
                }

                if ((await server.Client.QueueAsync(cancellationToken)).Holds(promptId))
                {
                    logger.PromptFound(promptId, server.Label, "queued or running");
                    return (server, null);
                }
            }
            catch (ServerUnavailableException ex)
            {
                pool.MarkDown(server, ex.Message);
            }
        }

        return null;
    }

    private async Task<IReadOnlyList<byte[]>> RunOnAsync(
        PooledServer server, PlannedJob job, string promptId, HistoryEntry? finished, bool attach, IProgress<GenerationProgress> progress, GenerationRequest request, CancellationToken cancellationToken)
    {
        server.Began();
        try
        {
            var plan = job.Graph with
            {
                Loras = [.. job.Loras.Select(l => new LoraFile(server.LoraFile(l.Name) ?? l.Name, l.Weight))],
                SourceImage = job.Upload is null ? null : UploadName(promptId),
            };
            var built = job.Workflow is { } workflow ? workflow.Fill(plan) : GraphBuilder.Build(plan);
            var entry = finished;
            if (entry is null)
            {
                var clientId = PromptIds.ClientOf(promptId);
                var socket = await ComfySocket.ConnectAsync(server.Client, clientId, promptId, time, cancellationToken);
                var watching = false;
                try
                {
                    if (!attach)
                    {
                        // A retry runs under the same prompt id: an earlier failed run's entry must not answer for it.
                        await server.Client.ForgetAsync(promptId, cancellationToken);
                        if (job.Upload is { } upload)
                        {
                            plan = plan with { SourceImage = await server.Client.UploadImageAsync(upload, UploadName(promptId), cancellationToken) };
                            built = job.Workflow is { } w ? w.Fill(plan) : GraphBuilder.Build(plan);
                        }

                        if (await server.Client.SubmitAsync(built.Prompt, clientId, promptId, cancellationToken) is { } rejection)
                        {
                            if (rejection.Queued)
                            {
                                await CancelAsync(server, promptId);
                            }

                            throw Rejected(rejection);
                        }

                        logger.PromptQueued(promptId, server.Label);
                    }

                    watching = true;
                }
                finally
                {
                    if (!watching)
                    {
                        await socket.DisposeAsync();
                    }
                }

                entry = await WatchAsync(server, socket, built, promptId, progress, cancellationToken);
            }

            try
            {
                var images = await FetchAsync(server, entry, built, cancellationToken);
                return job.Canvas is { } canvas ? [.. images.Select(i => Restore(i, canvas))] : images;
            }
            catch (GenerationException)
            {
                // What the server finished cannot be posted: a retry must run it again, not read the same entry.
                await ForgetAsync(server, promptId);
                throw;
            }
        }
        finally
        {
            server.Ended();
        }
    }

    // Follows the prompt on its socket, which it owns (disposed however it ends, reconnections included).
    private async Task<HistoryEntry> WatchAsync(
        PooledServer server, ComfySocket socket, BuiltGraph built, string promptId, IProgress<GenerationProgress> progress, CancellationToken cancellationToken)
    {
        var tracker = new PromptProgress(built.SamplerNodes);
        var stall = TimeSpan.FromSeconds(options.StallSeconds);
        var reopened = 0;
        try
        {
            while (true)
            {
                SocketMessage? message;
                using (var quiet = new CancellationTokenSource(stall, time))
                using (var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, quiet.Token))
                {
                    try
                    {
                        message = await socket.ReceiveAsync(either.Token);
                    }
                    catch (OperationCanceledException) when (quiet.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                    {
                        logger.SocketStalled(promptId, server.Label, options.StallSeconds);
                        message = null;
                    }
                }

                switch (message)
                {
                    case null:
                        // Quiet or closed: the history says whether it finished; the queue whether it still will.
                        if (await FinishedAsync(server, promptId, cancellationToken) is { } done)
                        {
                            return done;
                        }

                        // A socket that keeps closing at once is reopened less and less often (1 s doubling to 30 s).
                        var wait = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(reopened, 5))));
                        reopened++;
                        await socket.DisposeAsync();
                        await Task.Delay(wait, time, cancellationToken);
                        logger.SocketReopened(promptId, server.Label, reopened, wait.TotalSeconds);
                        socket = await ComfySocket.ConnectAsync(server.Client, PromptIds.ClientOf(promptId), promptId, time, cancellationToken);

                        // It may have ended while no socket listened: its end marker went to nobody.
                        if (await server.Client.HistoryAsync(promptId, cancellationToken) is { } ended)
                        {
                            return Checked(ended);
                        }

                        break;
                    case SocketMessage.Preview preview when tracker.Percent > 0:
                        reopened = 0;
                        if (Png(preview.Image, promptId) is { } png)
                        {
                            progress.Report(new GenerationProgress(tracker.Percent, png));
                        }

                        break;
                    case SocketMessage.Event { Type: "progress" } e when e.PromptId == promptId:
                        reopened = 0;
                        if (tracker.Read(e.Data["node"]?.ToString(), Int(e.Data["value"]), Int(e.Data["max"])))
                        {
                            progress.Report(new GenerationProgress(tracker.Percent, null));
                        }

                        break;
                    case SocketMessage.Event { Type: "execution_error" or "execution_interrupted" } e when e.PromptId == promptId:
                        cancellationToken.ThrowIfCancellationRequested();
                        throw Failed(ExecutionFailure.Read(e.Type, e.Data));
                    case SocketMessage.Event { Type: "executing" } e when e.PromptId == promptId && e.Data["node"] is null:
                        var entry = await server.Client.HistoryAsync(promptId, cancellationToken)
                            ?? throw new ServerUnavailableException("said the prompt ended, and its history has no entry for it");
                        return Checked(entry);
                }
            }
        }
        finally
        {
            // Disposing twice is harmless: after a failed reconnection this is the socket already closed above.
            await socket.DisposeAsync();
        }
    }

    // After a stall: finished (its entry), still queued or running (null), or gone from the server (restarted).
    private static async Task<HistoryEntry?> FinishedAsync(PooledServer server, string promptId, CancellationToken cancellationToken)
    {
        if (await server.Client.HistoryAsync(promptId, cancellationToken) is { } entry)
        {
            return Checked(entry);
        }

        if ((await server.Client.QueueAsync(cancellationToken)).Holds(promptId))
        {
            return null;
        }

        // Between the two reads it may have finished; otherwise the server no longer knows it.
        return await server.Client.HistoryAsync(promptId, cancellationToken) is { } late
            ? Checked(late)
            : throw new ServerUnavailableException("no longer knows the prompt (it restarted?)");
    }

    private static HistoryEntry Checked(HistoryEntry entry) => entry.Succeeded
        ? entry
        : throw Failed(entry.Failure ?? new ExecutionFailure(false, string.Empty, string.Empty, "the prompt did not finish", string.Empty));

    private static async Task<IReadOnlyList<byte[]>> FetchAsync(PooledServer server, HistoryEntry entry, BuiltGraph built, CancellationToken cancellationToken)
    {
        var images = new List<byte[]>();
        foreach (var node in built.SaveNodes)
        {
            foreach (var image in entry.Outputs.GetValueOrDefault(node) ?? [])
            {
                var bytes = await server.Client.ViewAsync(image, cancellationToken);
                images.Add(ImageFormats.Identify(bytes) == ImageFormat.Png ? bytes : ToPng(bytes));
            }
        }

        return images;
    }

    private Task CancelAsync(PooledServer server, string promptId) =>
        BestEffortAsync(token => server.Client.CancelAsync(promptId, token), problem => logger.CancelFailed(promptId, server.Label, problem));

    private Task ForgetAsync(PooledServer server, string promptId) =>
        BestEffortAsync(token => server.Client.ForgetAsync(promptId, token), problem => logger.ForgetFailed(promptId, server.Label, problem));

    // A clean-up call after the job's own outcome is decided: bounded to 10 s, and a failure only logged.
    private async Task BestEffortAsync(Func<CancellationToken, Task> call, Action<string> failed)
    {
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(10), time);
        try
        {
            await call(bounded.Token);
        }
        catch (Exception ex) when (ex is ServerUnavailableException or OperationCanceledException)
        {
            failed(ex.Message);
        }
    }

    private byte[]? Png(byte[] preview, string promptId)
    {
        try
        {
            return ImageFormats.Identify(preview) == ImageFormat.Png ? preview : PreviewImages.ToPng(preview);
        }
        catch (InvalidDataException ex)
        {
            logger.PreviewUnreadable(promptId, ex.Message);
            return null;
        }
    }

    private static byte[] ToPng(byte[] image)
    {
        try
        {
            return PreviewImages.ToPng(image);
        }
        catch (InvalidDataException ex)
        {
            throw GenerationException.Of("failure.backend_png", retryable: true, ("detail", ex.Message));
        }
    }

    private static byte[] Restore(byte[] painted, RgbaImage canvas) =>
        PngDecoder.Decode(painted) is PngDecodeResult.Success success
            ? PngEncoder.Encode(OutpaintLayout.Restore(success.Image.Pixels, canvas))
            : throw GenerationException.Of("failure.backend_png", retryable: true, ("detail", "ComfyUI's image is not a readable PNG"));

    private static GenerationException Rejected(PromptRejection rejection) => rejection.NodeType is { Length: > 0 } node
        ? GenerationException.Of("failure.comfy_rejected_node", retryable: false, ("node", node), ("detail", rejection.Detail ?? rejection.Message))
        : GenerationException.Of("failure.comfy_rejected", retryable: false, ("detail", rejection.Detail is { } d ? rejection.Message + ": " + d : rejection.Message));

    private static GenerationException Failed(ExecutionFailure failure) => failure switch
    {
        { Interrupted: true } => GenerationException.Of("failure.comfy_interrupted", retryable: true),
        { OutOfMemory: true } => GenerationException.Of("failure.comfy_out_of_memory", retryable: true, ("node", failure.NodeType)),
        _ => GenerationException.Of("failure.comfy_node_failed", retryable: false, ("node", failure.NodeType.Length > 0 ? failure.NodeType : "?"), ("message", Shorten(failure.Message))),
    };

    private static string Shorten(string message)
    {
        var line = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    private static string UploadName(string promptId) => $"mjbot-{promptId}.png";

    private static int Int(System.Text.Json.Nodes.JsonNode? node) =>
        node is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<int>(out var n) ? n : 0;
}
