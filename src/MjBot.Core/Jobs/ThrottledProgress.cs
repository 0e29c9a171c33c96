using MjBot.Core.Generation;

namespace MjBot.Core.Jobs;

/// <summary>Turns a backend's progress reports into status edits at most once per interval (Discord's message edit
/// limits, and Midjourney's own pace), one edit in flight at a time. Reports that arrive meanwhile are not lost: the
/// latest one is shown as soon as the interval allows.</summary>
/// <param name="show">Shows one report (a status edit).</param>
/// <param name="interval">The least time from one edit's start to the next.</param>
/// <param name="time">The clock.</param>
/// <param name="cancellationToken">Stops the edits.</param>
public sealed class ThrottledProgress(Func<GenerationProgress, CancellationToken, Task> show, TimeSpan interval, TimeProvider time, CancellationToken cancellationToken) : IProgress<GenerationProgress>
{
    private readonly Lock _gate = new();
    private GenerationProgress? _pending;
    private Task _pump = Task.CompletedTask;
    private bool _closed;

    public void Report(GenerationProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _pending = value;
            if (_pump.IsCompleted)
            {
                _pump = PumpAsync();
            }
        }
    }

    /// <summary>Stops taking reports and waits for the edit in flight, so none lands after the result.</summary>
    public async Task DrainAsync()
    {
        Task pump;
        lock (_gate)
        {
            _closed = true;
            _pending = null;
            pump = _pump;
        }

        await pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            GenerationProgress next;
            lock (_gate)
            {
                if (_pending is null || _closed)
                {
                    return;
                }

                next = _pending;
                _pending = null;
            }

            var started = time.GetUtcNow();
            await show(next, cancellationToken);
            var rest = interval - (time.GetUtcNow() - started);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest, time, cancellationToken);
            }
        }
    }
}
