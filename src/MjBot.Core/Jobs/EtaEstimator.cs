using MjBot.Core.Ports;

namespace MjBot.Core.Jobs;

/// <summary>Estimates when a waiting job starts: its place in line over the backend's slots, times the backend's
/// median duration over its last 20 successful jobs (read again at most every 30 s). No history, no estimate.</summary>
public sealed class EtaEstimator(IJobStore jobs, BackendRegistry backends, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset At, TimeSpan? Median)> _cache = new(StringComparer.Ordinal);

    public async Task<TimeSpan?> ForPositionAsync(string backend, int position, CancellationToken cancellationToken)
    {
        var median = await MedianAsync(backend, cancellationToken);
        var slots = Math.Max(1, backends.Find(backend)?.Concurrency ?? 1);
        return median is { } m ? m * Math.Ceiling((double)position / slots) : null;
    }

    private async Task<TimeSpan?> MedianAsync(string backend, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_cache.TryGetValue(backend, out var cached) && now - cached.At < TimeSpan.FromSeconds(30))
            {
                return cached.Median;
            }
        }

        var durations = (await jobs.RecentDurationsAsync(backend, 20, cancellationToken)).Order().ToList();
        TimeSpan? median = durations.Count == 0 ? null : durations[durations.Count / 2];
        lock (_gate)
        {
            _cache[backend] = (now, median);
        }

        return median;
    }
}
