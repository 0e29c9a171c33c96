using MjBot.Core.Generation;
using MjBot.Core.Jobs;

namespace MjBot.Jobs;

/// <summary>Turns a backend's progress reports into status edits at most once per interval (Discord's message edit
/// limits, and Midjourney's own pace), one edit in flight at a time, always showing the latest report.</summary>
internal sealed class ThrottledProgress(JobExecutor executor, Job job, TimeSpan interval, TimeProvider time, CancellationToken cancellationToken) : IProgress<GenerationProgress>
{
    private readonly Lock _gate = new();
    private DateTimeOffset _lastEdit = DateTimeOffset.MinValue;
    private Task _inFlight = Task.CompletedTask;

    public void Report(GenerationProgress value)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (!_inFlight.IsCompleted || now - _lastEdit < interval)
            {
                return;
            }

            _lastEdit = now;
            _inFlight = executor.ShowProgressAsync(job, value, cancellationToken);
        }
    }

    /// <summary>Waits for the edit in flight, so it cannot land after the result.</summary>
    public async Task DrainAsync()
    {
        Task last;
        lock (_gate)
        {
            last = _inFlight;
            _lastEdit = DateTimeOffset.MaxValue;
        }

        await last.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
