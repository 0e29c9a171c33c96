namespace MjBot.Backends.Onnx.Schedulers;

/// <summary>One denoising run's scheduler: the UNet timesteps, how the input is scaled, and the update from the noise
/// prediction ε. It works on the latents of a whole batch at once (element-wise); step noise comes from
/// <c>fillNoise</c>, which draws each image's share from that image's own generator. Multistep schedulers keep
/// history, so a scheduler serves one run.</summary>
internal abstract class DiffusionScheduler
{
    protected DiffusionScheduler(NoiseSchedule schedule)
    {
        Schedule = schedule;
    }

    /// <summary>Gets the UNet's timestep for each step.</summary>
    public abstract IReadOnlyList<double> Timesteps { get; }

    /// <summary>Gets the factor the initial Gaussian noise is multiplied by.</summary>
    public abstract double InitNoiseSigma { get; }

    /// <summary>Gets whether classifier-free guidance (the unconditional half of the batch) applies.</summary>
    public virtual bool UsesGuidanceBatch => true;

    protected NoiseSchedule Schedule { get; }

    /// <summary>Gets the factor the latents are scaled by before the UNet sees them at <paramref name="step"/>.</summary>
    public virtual double InputScale(int step) => 1.0;

    /// <summary>Gets α_t = √ᾱ_t, the signal's share of what the UNet sees at <paramref name="step"/> (its noise's share is
    /// √(1 − α_t²)): what converts a v-prediction into ε.</summary>
    public virtual double SignalScale(int step) => Math.Sqrt(Schedule.AlphasCumprod[(int)Math.Clamp(Math.Round(Timesteps[step]), 0, Schedule.TrainSteps - 1)]);

    /// <summary>Moves <paramref name="sample"/> from <paramref name="step"/> to the next step, writing the current
    /// estimate of the clean latents into <paramref name="denoised"/>.</summary>
    public abstract void Step(int step, ReadOnlySpan<float> epsilon, Span<float> sample, Span<float> denoised, NoiseFill fillNoise);

    /// <summary>Noises clean latents <paramref name="sample"/> (in place) to the level of <paramref name="step"/>
    /// (image-to-image).</summary>
    public abstract void AddNoise(Span<float> sample, ReadOnlySpan<float> noise, int step);

    /// <summary>The first step of an image-to-image run at <paramref name="strength"/> (0 keeps the image, 1 ignores
    /// it): the last <c>steps·strength</c> steps are run.</summary>
    public int StartStep(double strength)
    {
        var steps = Timesteps.Count;
        var init = Math.Min((int)(steps * strength), steps);
        return Math.Min(Math.Max(steps - init, 0), steps - 1);
    }
}
