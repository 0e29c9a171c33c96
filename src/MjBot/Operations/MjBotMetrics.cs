using System.Diagnostics;
using System.Diagnostics.Metrics;
using MjBot.Core.Jobs;
using MjBot.Core.Moderation;

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
    private readonly Counter<long> _safetyImages;
    private readonly Counter<long> _safetyVerdicts;

    public MjBotMetrics(JobQueue queue, IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _wait = _meter.CreateHistogram<double>("mjbot.job.wait", "s", "Time jobs waited in the queue before they started, by backend.");
        _duration = _meter.CreateHistogram<double>("mjbot.job.duration", "s", "Time jobs ran, by backend, model, kind and outcome.");
        _jobs = _meter.CreateCounter<long>("mjbot.jobs", description: "Jobs that ended, by backend, model, kind and outcome.");
        _images = _meter.CreateCounter<long>("mjbot.images.generated", description: "Images made by backends, by backend.");
        _spend = _meter.CreateCounter<double>("mjbot.openai.spend", "usd", "OpenAI spending recorded, in US dollars.");
        _safetyImages = _meter.CreateCounter<long>("mjbot.safety.images", description: "Images the safety checker judged, by result (clean, flagged).");
        _safetyVerdicts = _meter.CreateCounter<long>("mjbot.safety.verdicts", description: "Jobs the safety checker judged, by verdict (posted, spoilered, blocked).");
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

    /// <summary>Counts the images the safety checker judged (clean or flagged) and the job's verdict.</summary>
    public void SafetyChecked(int images, int flagged, SafetyVerdict verdict)
    {
        _safetyImages.Add(images - flagged, new KeyValuePair<string, object?>("result", "clean"));
        _safetyImages.Add(flagged, new KeyValuePair<string, object?>("result", "flagged"));
        _safetyVerdicts.Add(1, new KeyValuePair<string, object?>("verdict", verdict switch { SafetyVerdict.Post => "posted", SafetyVerdict.PostSpoilered => "spoilered", _ => "blocked" }));
    }

    public void Dispose() => _meter.Dispose();
}
