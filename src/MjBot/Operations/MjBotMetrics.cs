using System.Diagnostics;
using System.Diagnostics.Metrics;
using MjBot.Core.Jobs;

namespace MjBot.Operations;

/// <summary>The host's instruments (meter <c>MjBot</c>): the queue, jobs and their outcome, images made, OpenAI
/// spend. The gateway's are in <see cref="GatewayMetrics"/>.</summary>
internal sealed class MjBotMetrics : IDisposable
{
    public const string MeterName = "MjBot";

    private readonly Meter _meter;
    private readonly Histogram<double> _wait;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _jobs;
    private readonly Counter<long> _images;
    private readonly Counter<double> _spend;

    public MjBotMetrics(JobQueue queue, IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _wait = _meter.CreateHistogram<double>("mjbot.job.wait", "s", "Time jobs waited in the queue before they started, by backend.");
        _duration = _meter.CreateHistogram<double>("mjbot.job.duration", "s", "Time jobs ran, by backend, model, kind and outcome.");
        _jobs = _meter.CreateCounter<long>("mjbot.jobs", description: "Jobs that ended, by backend, model, kind and outcome.");
        _images = _meter.CreateCounter<long>("mjbot.images.generated", description: "Images made by backends, by backend.");
        _spend = _meter.CreateCounter<double>("mjbot.openai.spend", "usd", "OpenAI spending recorded, in US dollars.");
        _meter.CreateObservableGauge("mjbot.queue.waiting", () => queue.WaitingCount, description: "Jobs waiting now.");
        _meter.CreateObservableGauge("mjbot.queue.running", () => queue.RunningCount, description: "Jobs running now.");
    }

    public void Started(Job job)
    {
        if (job.StartedAt is { } started)
        {
            _wait.Record(Math.Max(0, (started - job.CreatedAt).TotalSeconds), new KeyValuePair<string, object?>("backend", job.Backend));
        }
    }

    public void Ended(Job job, string model, int images)
    {
        var tags = new TagList
        {
            { "backend", job.Backend },
            { "model", model },
            { "kind", job.Kind.ToString().ToLowerInvariant() },
            { "outcome", job.Status.ToString().ToLowerInvariant() },
        };
        _jobs.Add(1, tags);
        if (job.StartedAt is { } started && job.FinishedAt is { } finished)
        {
            _duration.Record(Math.Max(0, (finished - started).TotalSeconds), tags);
        }

        if (images > 0)
        {
            _images.Add(images, new KeyValuePair<string, object?>("backend", job.Backend));
        }
    }

    public void Spent(decimal usd) => _spend.Add((double)usd);

    public void Dispose() => _meter.Dispose();
}
