using System.Diagnostics.Metrics;
using MjBot.Backends.ComfyUI.Pool;

namespace MjBot.Backends.ComfyUI;

/// <summary>Per-server figures, on the host's meter factory (exported with the bot's own): prompts by outcome, and
/// each server's queue length and health as last checked.</summary>
internal sealed class ComfyMetrics
{
    private readonly Counter<long> _prompts;

    public ComfyMetrics(IMeterFactory meters, ServerPool pool)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(ComfyUIMeter.Name);
        _prompts = meter.CreateCounter<long>("mjbot.comfyui.prompts", description: "Prompts run on ComfyUI servers, by server and outcome (succeeded, failed, server_lost, timeout, cancelled).");
        meter.CreateObservableGauge("mjbot.comfyui.queue_length", () => pool.Servers.Select(static s => new Measurement<int>(s.QueueLength + s.Ours, new KeyValuePair<string, object?>("server", s.Label))), description: "Prompts waiting or running on each ComfyUI server (every client's), as last checked.");
        meter.CreateObservableGauge("mjbot.comfyui.healthy", () => pool.Servers.Select(static s => new Measurement<int>(s.Healthy ? 1 : 0, new KeyValuePair<string, object?>("server", s.Label))), description: "1 while a ComfyUI server answers its health checks.");
    }

    public void Finished(string server, string outcome) =>
        _prompts.Add(1, new KeyValuePair<string, object?>("server", server), new KeyValuePair<string, object?>("outcome", outcome));
}
