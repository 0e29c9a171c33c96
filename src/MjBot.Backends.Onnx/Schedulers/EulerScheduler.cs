namespace MjBot.Backends.Onnx.Schedulers;

/// <summary>Euler, optionally ancestral. Euler: x ← x + d·(σ_next − σ). Ancestral:
/// σ_up = √(σ_next²(σ² − σ_next²)/σ²), σ_down = √(σ_next² − σ_up²), x ← x + d·(σ_down − σ) + σ_up·z.</summary>
internal sealed class EulerScheduler(NoiseSchedule schedule, int steps, TimestepSpacing spacing, bool ancestral)
    : SigmaScheduler(schedule, steps, spacing)
{
    public bool Ancestral { get; } = ancestral;

    public override void Step(int step, ReadOnlySpan<float> epsilon, Span<float> sample, Span<float> denoised, NoiseFill fillNoise)
    {
        var sigma = Sigmas[step];
        var next = Sigmas[step + 1];
        var up = Ancestral && next > 0 ? Math.Sqrt(next * next * ((sigma * sigma) - (next * next)) / (sigma * sigma)) : 0;
        var down = Ancestral ? Math.Sqrt((next * next) - (up * up)) : next;
        var d = Derivative(sigma, epsilon, sample, denoised);
        for (var i = 0; i < sample.Length; i++)
        {
            sample[i] = (float)(sample[i] + (d[i] * (down - sigma)));
        }

        if (up > 0)
        {
            var z = new float[sample.Length];
            fillNoise(z);
            for (var i = 0; i < sample.Length; i++)
            {
                sample[i] += (float)(up * z[i]);
            }
        }
    }
}
