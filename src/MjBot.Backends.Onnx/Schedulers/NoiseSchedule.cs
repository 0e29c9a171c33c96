namespace MjBot.Backends.Onnx.Schedulers;

/// <summary>The training noise schedule shared by every scheduler: β (scaled-linear or linear), ᾱ_t = Π(1 − β) and
/// σ_t = √((1 − ᾱ_t)/ᾱ_t) for t = 0 … T−1 (computed in float32, like diffusers). SD 1.x/2.x: β from 0.00085 to 0.012, scaled-linear, T = 1000.</summary>
internal sealed class NoiseSchedule
{
    public NoiseSchedule(double betaStart = 0.00085, double betaEnd = 0.012, int trainSteps = 1000, bool scaledLinear = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trainSteps, 2);
        TrainSteps = trainSteps;
        AlphasCumprod = new double[trainSteps];
        Sigmas = new double[trainSteps];
        // In float32, as diffusers computes them (torch.float32), so the tables match its reference values.
        var product = 1f;
        for (var t = 0; t < trainSteps; t++)
        {
            var f = t / (double)(trainSteps - 1);
            var beta = scaledLinear
                ? (float)(Math.Sqrt(betaStart) + (f * (Math.Sqrt(betaEnd) - Math.Sqrt(betaStart))))
                : (float)(betaStart + (f * (betaEnd - betaStart)));
            product *= 1f - (scaledLinear ? beta * beta : beta);
            AlphasCumprod[t] = product;
            Sigmas[t] = MathF.Sqrt((1f - product) / product);
        }
    }

    public int TrainSteps { get; }

    /// <summary>Gets ᾱ_t.</summary>
    public double[] AlphasCumprod { get; }

    /// <summary>Gets σ_t.</summary>
    public double[] Sigmas { get; }

    public double SigmaMax => Sigmas[^1];

    public double SigmaMin => Sigmas[0];

    /// <summary>σ at a fractional timestep, by linear interpolation over t.</summary>
    public double SigmaAt(double t)
    {
        var clamped = Math.Clamp(t, 0, TrainSteps - 1);
        var low = (int)Math.Floor(clamped);
        var high = Math.Min(low + 1, TrainSteps - 1);
        var w = clamped - low;
        return ((1 - w) * Sigmas[low]) + (w * Sigmas[high]);
    }

    /// <summary>The fractional timestep whose σ is <paramref name="sigma"/>, by interpolation in log σ.</summary>
    public double TimestepFor(double sigma)
    {
        var logSigma = Math.Log(sigma);
        var low = 0;
        for (var t = 0; t < TrainSteps - 1; t++)
        {
            if (Math.Log(Sigmas[t]) <= logSigma)
            {
                low = t;
            }
        }

        var lo = Math.Log(Sigmas[low]);
        var hi = Math.Log(Sigmas[low + 1]);
        var w = Math.Clamp((lo - logSigma) / (lo - hi), 0, 1);
        return ((1 - w) * low) + (w * (low + 1));
    }

    /// <summary>The model timesteps of <paramref name="steps"/> steps, highest first, for a spacing rule.</summary>
    public double[] Timesteps(int steps, TimestepSpacing spacing)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var last = TrainSteps - 1;
        var ts = new double[steps];
        for (var i = 0; i < steps; i++)
        {
            ts[i] = spacing switch
            {
                TimestepSpacing.Linspace => steps == 1 ? last : last - (i * (double)last / (steps - 1)),
                TimestepSpacing.Leading => ((steps - 1 - i) * (TrainSteps / steps)) + 1,
                TimestepSpacing.Trailing => Math.Round(TrainSteps - (i * (double)TrainSteps / steps)) - 1,
                _ => throw new ArgumentOutOfRangeException(nameof(spacing), spacing, "Unknown spacing."),
            };
        }

        return ts;
    }
}
