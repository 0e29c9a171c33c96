namespace MjBot.Backends.Onnx.Schedulers;

/// <summary>Latent consistency (diffusers' LCMScheduler): origin timesteps 20k − 1 (k = 1..50), N of them picked at
/// floor(linspace(0, 50, N)) of the reversed list (N = 4 → 999, 759, 499, 259). c_skip = σ_d²/((10t)² + σ_d²),
/// c_out = 10t/√((10t)² + σ_d²), σ_d = 0.5; x0 = (x − √(1 − ᾱ_t)·ε)/√ᾱ_t; denoised = c_out·x0 + c_skip·x; between
/// steps x ← √ᾱ_prev·denoised + √(1 − ᾱ_prev)·z. No input scaling, no guidance batch.</summary>
internal sealed class LcmScheduler : DiffusionScheduler
{
    private const int OriginalSteps = 50;
    private const double SigmaData = 0.5;
    private readonly double[] _timesteps;

    public LcmScheduler(NoiseSchedule schedule, int steps)
        : base(schedule)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(steps, OriginalSteps);
        var k = schedule.TrainSteps / OriginalSteps;
        var origin = Enumerable.Range(1, OriginalSteps).Select(i => (i * k) - 1).Reverse().ToArray();
        _timesteps = [.. Enumerable.Range(0, steps).Select(i => (double)origin[(int)Math.Floor(i * (double)OriginalSteps / steps)])];
    }

    public override IReadOnlyList<double> Timesteps => _timesteps;

    public override double InitNoiseSigma => 1.0;

    public override bool UsesGuidanceBatch => false;

    public override void Step(int step, ReadOnlySpan<float> epsilon, Span<float> sample, Span<float> denoised, NoiseFill fillNoise)
    {
        var t = _timesteps[step];
        var alpha = Schedule.AlphasCumprod[(int)t];
        var scaled = t * 10;
        var cSkip = SigmaData * SigmaData / ((scaled * scaled) + (SigmaData * SigmaData));
        var cOut = scaled / Math.Sqrt((scaled * scaled) + (SigmaData * SigmaData));
        for (var i = 0; i < sample.Length; i++)
        {
            var x0 = (sample[i] - (Math.Sqrt(1 - alpha) * epsilon[i])) / Math.Sqrt(alpha);
            denoised[i] = (float)((cOut * x0) + (cSkip * sample[i]));
        }

        if (step == _timesteps.Length - 1)
        {
            denoised.CopyTo(sample);
            return;
        }

        var previous = Schedule.AlphasCumprod[(int)_timesteps[step + 1]];
        var z = new float[sample.Length];
        fillNoise(z);
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] = (float)((Math.Sqrt(previous) * denoised[i]) + (Math.Sqrt(1 - previous) * z[i]));
        }
    }

    public override void AddNoise(Span<float> sample, ReadOnlySpan<float> noise, int step)
    {
        var alpha = Schedule.AlphasCumprod[(int)_timesteps[step]];
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] = (float)((Math.Sqrt(alpha) * sample[i]) + (Math.Sqrt(1 - alpha) * noise[i]));
        }
    }
}
