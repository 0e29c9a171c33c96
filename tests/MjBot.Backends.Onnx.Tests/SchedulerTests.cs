using MjBot.Backends.Onnx.Pipeline;
using MjBot.Backends.Onnx.Schedulers;

namespace MjBot.Backends.Onnx.Tests;

public sealed class SchedulerTests
{
    private static readonly NoiseSchedule Sd = new();

    private static void Near(double expected, double actual, double relative = 1e-5) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Abs(expected), $"expected {expected}, got {actual}");

    [Fact]
    public void NoiseSchedule_Sd15_MatchesReferenceValues()
    {
        Near(14.6146555, Sd.SigmaMax);
        Near(0.029167533, Sd.SigmaMin);
        Near(0.0046600895, Sd.AlphasCumprod[999]);
    }

    [Fact]
    public void Timesteps_Linspace20_MatchesDiffusers()
    {
        var ts = Sd.Timesteps(20, TimestepSpacing.Linspace);
        Near(999, ts[0]);
        Near(946.42105, ts[1]);
        Near(893.84210, ts[2]);
        Assert.Equal(0, ts[19]);
        var euler = new EulerScheduler(Sd, 20, TimestepSpacing.Linspace, ancestral: false);
        Near(14.6147, euler.Sigmas[0], 1e-4);
        Near(10.7469, euler.Sigmas[1], 1e-4);
        Near(8.0815, euler.Sigmas[2], 1e-4);
        Near(0.2322, euler.Sigmas[18], 1e-3);
        Near(0.0292, euler.Sigmas[19], 2e-3);
        Assert.Equal(0, euler.Sigmas[20]);
        Near(14.6146555, euler.InitNoiseSigma);
    }

    [Fact]
    public void Timesteps_Trailing4_StartAt999() => Assert.Equal([999.0, 749, 499, 249], Sd.Timesteps(4, TimestepSpacing.Trailing));

    [Fact]
    public void Timesteps_Leading4_OffsetByOne() => Assert.Equal([751.0, 501, 251, 1], Sd.Timesteps(4, TimestepSpacing.Leading));

    [Fact]
    public void InitNoiseSigma_LeadingSpacing_IsSqrtOfSigmaSquaredPlusOne()
    {
        var euler = new EulerScheduler(Sd, 4, TimestepSpacing.Leading, ancestral: true);
        Near(Math.Sqrt((euler.Sigmas[0] * euler.Sigmas[0]) + 1), euler.InitNoiseSigma);
    }

    [Fact]
    public void DpmSolver_Karras20_MatchesReferenceSigmas()
    {
        var dpm = new DpmSolverScheduler(Sd, 20);
        Near(14.6147, dpm.Sigmas[0], 1e-4);
        Near(11.7254, dpm.Sigmas[1], 1e-4);
        Near(9.3402, dpm.Sigmas[2], 1e-4);
        Near(0.0485, dpm.Sigmas[18], 2e-3);
        Near(0.0292, dpm.Sigmas[19], 2e-3);
        Assert.Equal(0, dpm.Sigmas[20]);
        Assert.Equal(999, dpm.Timesteps[0]);
        Assert.Equal(0, dpm.Timesteps[19]);
        Assert.Equal(1.0, dpm.InitNoiseSigma);
        Assert.Equal(1.0, dpm.InputScale(3));
    }

    [Fact]
    public void Lcm_FourSteps_MatchesDiffusersTimesteps()
    {
        var lcm = new LcmScheduler(Sd, 4);
        Assert.Equal([999.0, 759, 499, 259], lcm.Timesteps);
        Assert.False(lcm.UsesGuidanceBatch);
    }

    [Fact]
    public void Lms_Coefficients_SumToTheStepAndOrderOneIsEuler()
    {
        var lms = new LmsScheduler(Sd, 20, TimestepSpacing.Linspace);
        for (var step = 3; step < 19; step++)
        {
            var sum = Enumerable.Range(0, 4).Sum(k => lms.Coefficient(4, step, k));
            Near(lms.Sigmas[step + 1] - lms.Sigmas[step], sum, 1e-9);
        }

        Near(lms.Sigmas[1] - lms.Sigmas[0], lms.Coefficient(1, 0, 0), 1e-12);

        // Order 2, the newest derivative: ∫ (τ − σ_{i−1})/(σ_i − σ_{i−1}) dτ over [σ_i, σ_{i+1}].
        double a = lms.Sigmas[5], b = lms.Sigmas[6], p = lms.Sigmas[4];
        var exact = ((((b - p) * (b - p)) - ((a - p) * (a - p))) / 2) / (a - p);
        Near(exact, lms.Coefficient(2, 5, 0), 1e-9);
    }

    [Fact]
    public void StartStep_Strength035Of20_RunsTheLastSeven()
    {
        var euler = new EulerScheduler(Sd, 20, TimestepSpacing.Linspace, ancestral: false);
        Assert.Equal(13, euler.StartStep(0.35));
        Assert.Equal(0, euler.StartStep(1.0));
        Assert.Equal(19, euler.StartStep(0.0));
    }

    [Theory]
    [InlineData(SamplerKind.Euler, 20)]
    [InlineData(SamplerKind.EulerAncestral, 20)]
    [InlineData(SamplerKind.Lms, 20)]
    [InlineData(SamplerKind.DpmPlusPlus2MKarras, 20)]
    [InlineData(SamplerKind.DpmPlusPlus2MKarras, 8)]
    [InlineData(SamplerKind.Lcm, 4)]
    [InlineData(SamplerKind.EulerAncestral, 1)]
    public void Step_ExactNoisePrediction_EndsOnTheCleanSignal(SamplerKind sampler, int steps)
    {
        // A perfect denoiser for data that is the constant 0.7: every scheduler must land on it.
        const float clean = 0.7f;
        var scheduler = SchedulerFactory.Create(sampler, Sd, steps, TimestepSpacing.Trailing);
        var rng = new GaussianNoise(42);
        var x = new float[64];
        rng.Fill(x);
        for (var i = 0; i < x.Length; i++)
        {
            x[i] *= (float)scheduler.InitNoiseSigma;
        }

        var denoised = new float[x.Length];
        for (var step = 0; step < steps; step++)
        {
            var epsilon = Oracle(scheduler, step, x, clean);
            scheduler.Step(step, epsilon, x, denoised, rng.Fill);
        }

        Assert.All(x, v => Assert.Equal(clean, v, 3));
    }

    private static float[] Oracle(DiffusionScheduler scheduler, int step, float[] x, float clean)
    {
        var t = scheduler.Timesteps[step];
        return scheduler switch
        {
            SigmaScheduler s => [.. x.Select(v => (float)((v - clean) / s.Sigmas[step]))],
            DpmSolverScheduler d => [.. x.Select(v => (float)(((v * Math.Sqrt((d.Sigmas[step] * d.Sigmas[step]) + 1)) - clean) / d.Sigmas[step]))],
            _ => [.. x.Select(v => (float)((v - (Math.Sqrt(Sd.AlphasCumprod[(int)t]) * clean)) / Math.Sqrt(1 - Sd.AlphasCumprod[(int)t])))],
        };
    }
}
