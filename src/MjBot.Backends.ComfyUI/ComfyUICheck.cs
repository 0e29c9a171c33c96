using Microsoft.Extensions.Logging.Abstractions;
using MjBot.Backends.ComfyUI.Graphs;
using MjBot.Backends.ComfyUI.Pool;
using MjBot.Backends.ComfyUI.Wire;
using MjBot.Backends.ComfyUI.Workflows;

namespace MjBot.Backends.ComfyUI;

/// <summary><c>mjbot doctor</c>'s look at the pool: each server checked once (its version and devices, its
/// checkpoints and LoRAs), each alias's files found on some server, each workflow validated against each server's
/// node catalogue.</summary>
public static class ComfyUICheck
{
    /// <summary>Checks the servers; returns whether the pool can run every alias, and one line per finding.</summary>
    public static async Task<(bool Ok, IReadOnlyList<string> Lines)> CheckAsync(ComfyUIOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new ComfyUIOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            return (false, [.. validation.Failures]);
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        var workflows = WorkflowSet.Load(options.WorkflowFolder);
        var pool = new ServerPool(options.Servers.Select(s => new ComfyClient(http, s)), workflows, NullLogger.Instance);
        await pool.RefreshAsync(cancellationToken);
        var lines = new List<string>();
        var ok = workflows.Problems.Count == 0;
        lines.AddRange(workflows.Problems);
        foreach (var server in pool.Servers)
        {
            if (!server.Healthy)
            {
                ok = false;
                lines.Add($"{server.Label}: unavailable ({server.Problem}).");
                continue;
            }

            var devices = server.Devices.Count == 0 ? string.Empty : $" on {string.Join(", ", server.Devices)}";
            lines.Add($"{server.Label}: ComfyUI {server.Version}{devices}; checkpoints: {List(server.Files["checkpoints"])}; LoRAs: {List(server.Files["loras"])}; {server.Catalogue?.Count ?? 0} node types.");
        }

        var healthy = pool.Servers.Where(static s => s.Healthy).ToList();
        if (healthy.Count == 0)
        {
            return (false, lines);
        }

        var planner = new JobPlanner(options, workflows);
        foreach (var (alias, model) in options.Models.OrderBy(static m => m.Key, StringComparer.Ordinal))
        {
            var family = ModelFamily.Named(model.Family) ?? ModelFamily.Sd15;
            var files = new ModelFiles(family, Blank(model.Checkpoint), Blank(model.Unet), Blank(model.Clip), Blank(model.Clip2), Blank(model.Vae), model.WeightDtype);
            var job = new PlannedJob { Alias = alias, Graph = new GraphPlan(), Needs = [.. files.Needs()] };
            if (!healthy.Any(s => ServerPool.Missing(s, job) is null))
            {
                ok = false;
                lines.Add($"model \"{alias}\": no server has {ServerPool.Missing(healthy[0], job)!.Value.Detail}.");
            }
        }

        if (planner.UpscalesItself && !healthy.Any(s => s.Has("upscale_models", options.UpscaleModel!)))
        {
            ok = false;
            lines.Add($"UpscaleModel \"{options.UpscaleModel}\": no server has it in upscale_models.");
        }

        foreach (var workflow in workflows.All)
        {
            var problems = healthy.SelectMany(s => s.WorkflowProblems.GetValueOrDefault(workflow.Name) ?? []).Distinct().ToList();
            var runsOn = healthy.Count(s => s.WorkflowProblems.GetValueOrDefault(workflow.Name) is { Count: 0 });
            ok &= runsOn > 0;
            lines.Add(problems.Count == 0 ? $"workflow \"{workflow.Name}\": valid on {runsOn} server(s)." : string.Join(" ", problems));
        }

        return (ok, lines);
    }

    private static string List(IReadOnlyList<string> files) =>
        files.Count == 0 ? "none" : files.Count <= 6 ? string.Join(", ", files) : $"{string.Join(", ", files.Take(6))} and {files.Count - 6} more";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
