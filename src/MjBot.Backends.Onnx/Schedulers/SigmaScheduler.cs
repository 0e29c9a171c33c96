namespace MjBot.Backends.Onnx.Schedulers;

/// <summary>The k-diffusion form shared by Euler, Euler Ancestral and LMS: σ_i at each timestep, then 0; initial noise
/// × σ_max (× √(σ_max² + 1) with leading spacing); the UNet sees x/√(σ² + 1); image-to-image adds σ·noise.</summary>
internal abstract class SigmaScheduler : DiffusionScheduler
{
    private readonly double[] _timesteps;
    private readonly double[] _sigmas;

    protected SigmaScheduler(NoiseSchedule schedule, int steps, TimestepSpacing spacing)
        : base(schedule)
    {
        _timesteps = schedule.Timesteps(steps, spacing);
        _sigmas = [.. _timesteps.Select(schedule.SigmaAt), 0.0];
        var max = _sigmas.Max();
        InitNoiseSigma = spacing == TimestepSpacing.Leading ? Math.Sqrt((max * max) + 1) : max;
    }

    public override IReadOnlyList<double> Timesteps => _timesteps;

    public override double InitNoiseSigma { get; }

    /// <summary>Gets σ per step, then the final 0.</summary>
    public IReadOnlyList<double> Sigmas => _sigmas;

    public override double InputScale(int step) => 1 / Math.Sqrt((_sigmas[step] * _sigmas[step]) + 1);

    public override double SignalScale(int step) => InputScale(step);

    public override void AddNoise(Span<float> sample, ReadOnlySpan<float> noise, int step)
    {
        var sigma = _sigmas[step];
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] += (float)(sigma * noise[i]);
        }
    }

    /// <summary>Writes x0 = x − σ·ε into <paramref name="denoised"/> and returns d = (x − x0)/σ per element.</summary>
    protected static float[] Derivative(double sigma, ReadOnlySpan<float> epsilon, ReadOnlySpan<float> sample, Span<float> denoised)
    {
        var derivative = new float[sample.Length];
        for (var i = 0; i < sample.Length; i++)
        {
            var x0 = sample[i] - (sigma * epsilon[i]);
            denoised[i] = (float)x0;
            derivative[i] = (float)((sample[i] - x0) / sigma);
        }

        return derivative;
    }
}
