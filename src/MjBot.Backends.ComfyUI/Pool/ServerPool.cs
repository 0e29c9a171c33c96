using Microsoft.Extensions.Logging;
using MjBot.Backends.ComfyUI.Graphs;
using MjBot.Backends.ComfyUI.Wire;
using MjBot.Backends.ComfyUI.Workflows;
using MjBot.Core.Generation;

namespace MjBot.Backends.ComfyUI.Pool;

/// <summary>The ComfyUI servers behind the bot. Each is checked every <c>HealthSeconds</c> (<c>/system_stats</c>, then
/// its queue, model folders and, when its version changes, its node catalogue, against which every workflow is
/// validated); a job goes to a healthy server that has every file it needs, shortest queue (theirs and ours) first.</summary>
internal sealed class ServerPool
{
    /// <summary>The model folders read from each server.</summary>
    public static readonly string[] Folders = ["checkpoints", "loras", "diffusion_models", "text_encoders", "vae", "upscale_models"];

    private readonly WorkflowSet _workflows;
    private readonly ILogger _logger;
    private readonly Lock _refreshing = new();
    private IReadOnlySet<string>? _loraNames;

    public ServerPool(IEnumerable<ComfyClient> clients, WorkflowSet workflows, ILogger logger)
    {
        Servers = [.. clients.Select(static (c, i) => new PooledServer(i, c))];
        _workflows = workflows;
        _logger = logger;
    }

    public IReadOnlyList<PooledServer> Servers { get; }

    /// <summary>Gets the LoRA names of the healthy servers, or null before any server has answered.</summary>
    public IReadOnlySet<string>? LoraNames => Volatile.Read(ref _loraNames);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(Servers.Select(s => CheckAsync(s, cancellationToken)));
        var healthy = Servers.Where(static s => s.Healthy).ToList();
        if (Servers.Any(static s => s.Checked && s.Healthy))
        {
            Volatile.Write(ref _loraNames, healthy
                .SelectMany(static s => s.Files.GetValueOrDefault("loras") ?? [])
                .Select(PooledServer.LoraName)
                .ToHashSet(StringComparer.Ordinal));
        }
    }

    /// <summary>Checks the servers now if no check has finished yet (a job right after start, before the health
    /// service's first round).</summary>
    public async Task EnsureCheckedAsync(CancellationToken cancellationToken)
    {
        if (!Servers.Any(static s => s.Checked))
        {
            await RefreshAsync(cancellationToken);
        }
    }

    /// <summary>Marks a server down after a failure mid-job (the next check may find it back).</summary>
    public void MarkDown(PooledServer server, string problem)
    {
        lock (_refreshing)
        {
            if (server.Healthy || !server.Checked)
            {
                _logger.ServerDown(server.Label, problem);
            }

            server.Healthy = false;
            server.Problem = problem;
        }
    }

    /// <summary>Chooses a server for the job, leaving out <paramref name="tried"/>.</summary>
    /// <exception cref="GenerationException">None is healthy (retryable: the job waits, the member told why), or none
    /// has what the job needs (not retryable, naming what is missing).</exception>
    public PooledServer Place(PlannedJob job, IReadOnlySet<PooledServer> tried)
    {
        ArgumentNullException.ThrowIfNull(job);
        var healthy = Servers.Where(s => s.Healthy && !tried.Contains(s)).ToList();
        if (healthy.Count == 0)
        {
            throw GenerationException.Of("failure.comfy_unreachable", retryable: true);
        }

        var able = healthy.Where(s => Missing(s, job) is null).ToList();
        if (able.Count == 0)
        {
            var (key, detail) = Missing(healthy[0], job)!.Value;
            throw GenerationException.Of(key, retryable: false, ("model", job.Alias), ("detail", detail));
        }

        return able.MinBy(static s => (s.QueueLength + s.Ours, s.Index))!;
    }

    /// <summary>Gets what the server lacks for the job (a catalogue key and its detail), or null.</summary>
    public static (string Key, string Detail)? Missing(PooledServer server, PlannedJob job)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(job);
        if (job.Workflow is { } workflow)
        {
            var problems = server.WorkflowProblems.GetValueOrDefault(workflow.Name);
            return problems is null ? ("failure.comfy_workflow_invalid", "its node catalogue was not read") : problems.Count > 0 ? ("failure.comfy_workflow_invalid", problems[0]) : null;
        }

        var files = job.Needs.Where(n => !server.Has(n.Folder, n.File)).Select(static n => $"{n.Folder}/{n.File}").ToList();
        if (files.Count > 0)
        {
            return ("failure.comfy_missing_files", string.Join(", ", files));
        }

        var loras = job.Loras.Where(l => server.LoraFile(l.Name) is null).Select(static l => l.Name).ToList();
        return loras.Count > 0 ? ("failure.comfy_missing_lora", string.Join(", ", loras)) : null;
    }

    private async Task CheckAsync(PooledServer server, CancellationToken cancellationToken)
    {
        try
        {
            var stats = await server.Client.StatsAsync(cancellationToken);
            var queue = await server.Client.QueueAsync(cancellationToken);
            var files = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var folder in Folders)
            {
                files[folder] = [.. (await server.Client.ModelsAsync(folder, cancellationToken)).Select(static f => f.Replace('\\', '/'))];
            }

            var catalogue = server.Catalogue is null || server.Version != stats.Version || !server.Healthy
                ? await server.Client.ObjectInfoAsync(cancellationToken)
                : server.Catalogue;
            var problems = _workflows.All.ToDictionary(static w => w.Name, w => (IReadOnlyList<string>)WorkflowValidator.CatalogueProblems(w, catalogue), StringComparer.Ordinal);
            lock (_refreshing)
            {
                if (!server.Healthy)
                {
                    _logger.ServerUp(server.Label, stats.Version, files["checkpoints"].Count, files["loras"].Count);
                    foreach (var (workflow, found) in problems.Where(static p => p.Value.Count > 0))
                    {
                        _logger.WorkflowUnusable(workflow, server.Label, string.Join(" ", found));
                    }
                }

                (server.Version, server.Devices, server.QueueLength, server.Files, server.Catalogue, server.WorkflowProblems) =
                    (stats.Version, stats.Devices, queue.Length, files, catalogue, problems);
                (server.Healthy, server.Problem, server.Checked) = (true, null, true);
            }
        }
        catch (ServerUnavailableException ex)
        {
            MarkDown(server, ex.Message);
            server.Checked = true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or NotSupportedException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            // An answer of a shape we do not read (a custom node's catalogue entry, a proxy's page): that server is
            // unusable, the others and the next checks go on.
            MarkDown(server, "answered in a shape MjBot does not read: " + ex.Message);
            server.Checked = true;
        }
    }
}
