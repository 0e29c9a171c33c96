namespace MjBot.Backends.Onnx.Schedulers;

/// <summary>DPM-Solver++ 2M with Karras σ's (diffusers' DPMSolverMultistepScheduler, <c>dpmsolver++</c>, order 2,
/// <c>use_karras_sigmas</c>). Karras: σ_i = (σ_max^{1/ρ} + i/(N−1)·(σ_min^{1/ρ} − σ_max^{1/ρ}))^ρ, ρ = 7, then 0;
/// timesteps from σ by log-σ interpolation, rounded. VP form: no input scaling, initial noise × 1,
/// α = 1/√(σ² + 1), σ_vp = σ·α, λ = −log σ, x0 = (x − σ_vp·ε)/α. First order on the first and last step.</summary>
internal sealed class DpmSolverScheduler : DiffusionScheduler
{
    private const double Rho = 7;
    private readonly double[] _timesteps;
    private readonly double[] _sigmas;
    private float[]? _previous;

    public DpmSolverScheduler(NoiseSchedule schedule, int steps)
        : base(schedule)
    {
        double max = Math.Pow(schedule.SigmaMax, 1 / Rho), min = Math.Pow(schedule.SigmaMin, 1 / Rho);
        _sigmas = new double[steps + 1];
        for (var i = 0; i < steps; i++)
        {
            _sigmas[i] = Math.Pow(max + ((steps == 1 ? 0 : i / (double)(steps - 1)) * (min - max)), Rho);
        }

        _timesteps = [.. _sigmas.Take(steps).Select(s => Math.Round(schedule.TimestepFor(s)))];
    }

    public override IReadOnlyList<double> Timesteps => _timesteps;

    public override double InitNoiseSigma => 1.0;

    public override double SignalScale(int step) => Alpha(_sigmas[step]);

    /// <summary>Gets the Karras σ per step, then the final 0.</summary>
    public IReadOnlyList<double> Sigmas => _sigmas;

    public override void Step(int step, ReadOnlySpan<float> epsilon, Span<float> sample, Span<float> denoised, NoiseFill fillNoise)
    {
        var s0 = _sigmas[step];
        var t = _sigmas[step + 1];
        var alphaS0 = Alpha(s0);
        for (var i = 0; i < sample.Length; i++)
        {
            denoised[i] = (float)((sample[i] - (s0 * alphaS0 * epsilon[i])) / alphaS0);
        }

        var firstOrder = step == 0 || _previous is null || t == 0;
        if (t == 0)
        {
            // λ_t = ∞: the update is the clean estimate itself.
            denoised.CopyTo(sample);
        }
        else
        {
            var alphaT = Alpha(t);
            var h = Math.Log(s0) - Math.Log(t);
            var ratio = t * alphaT / (s0 * alphaS0);
            var c = alphaT * (Math.Exp(-h) - 1);
            var r0 = firstOrder ? 0 : (Math.Log(_sigmas[step - 1]) - Math.Log(s0)) / h;
            for (var i = 0; i < sample.Length; i++)
            {
                var d0 = (double)denoised[i];
                var x = (ratio * sample[i]) - (c * d0);
                if (!firstOrder)
                {
                    x -= 0.5 * c * (d0 - _previous![i]) / r0;
                }

                sample[i] = (float)x;
            }
        }

        _previous = denoised.ToArray();
    }

    public override void AddNoise(Span<float> sample, ReadOnlySpan<float> noise, int step)
    {
        var alpha = Alpha(_sigmas[step]);
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] = (float)(alpha * (sample[i] + (_sigmas[step] * noise[i])));
        }
    }

    private static double Alpha(double sigma) => 1 / Math.Sqrt((sigma * sigma) + 1);
}
