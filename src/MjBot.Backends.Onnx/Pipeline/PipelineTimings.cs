using System.Diagnostics;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>Where a run's time went (the benchmark harness reads it): text encoder, UNet steps (with the scheduler
/// maths), VAE encoder and decoder.</summary>
internal sealed class PipelineTimings
{
    public TimeSpan TextEncoder { get; private set; }

    public TimeSpan Denoising { get; private set; }

    public TimeSpan Vae { get; private set; }

    public int Steps { get; private set; }

    public T TimeText<T>(Func<T> work) => Time(work, static (t, e) => t.TextEncoder += e);

    public T TimeStep<T>(Func<T> work) => Time(work, static (t, e) => { t.Denoising += e; t.Steps++; });

    public T TimeVae<T>(Func<T> work) => Time(work, static (t, e) => t.Vae += e);

    private T Time<T>(Func<T> work, Action<PipelineTimings, TimeSpan> add)
    {
        var started = Stopwatch.GetTimestamp();
        var result = work();
        add(this, Stopwatch.GetElapsedTime(started));
        return result;
    }
}
