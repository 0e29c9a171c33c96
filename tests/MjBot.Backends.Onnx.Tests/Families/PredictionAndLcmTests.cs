using MjBot.Backends.Onnx.Pipeline;
using MjBot.Backends.Onnx.Schedulers;
using MjBot.Core.Prompting;

namespace MjBot.Backends.Onnx.Tests.Families;

/// <summary>SD 2.x v-prediction and LCM's guidance embedding, at the tensor level.</summary>
public sealed class PredictionAndLcmTests
{
    [Fact]
    public void Open_TinySd2V_IsSd2PredictingV()
    {
        Assert.Equal((ModelFamily.Sd2, PredictionType.VPrediction), (TinyModels.Sd2V.Family, TinyModels.Sd2V.Profile.Prediction));
        Assert.Equal(0, TinyModels.Sd2V.Tokenizer.PadToken);
        Assert.Equal(PredictionType.Epsilon, TinyModels.Sd.Profile.Prediction);
    }

    [Fact]
    public void VToEpsilon_KnownValues_AlphaTimesVPlusSigmaTimesTheUNetsInput()
    {
        float[] v = [1f, -2f];
        UnetInputs.VToEpsilon(v, [4f, 8f], inputScale: 0.5, alpha: 0.6);

        Assert.Equal(0.6 + (0.8 * 2), v[0], 5);
        Assert.Equal(-1.2 + (0.8 * 4), v[1], 5);
    }

    [Theory]
    [InlineData(SamplerKind.Euler)]
    [InlineData(SamplerKind.DpmPlusPlus2MKarras)]
    [InlineData(SamplerKind.Lms)]
    public void Predict_VModel_ReturnsTheUNetsVConvertedToEpsilonForEverySampler(SamplerKind sampler)
    {
        var model = TinyModels.Sd2V;
        var text = TextEmbedder.Encode(model, [[new PromptSegment(string.Empty, 1)], [new PromptSegment("a cat", 1)]], default);
        var scheduler = SchedulerFactory.Create(sampler, model.Profile.Schedule(), 6, model.Profile.Spacing);
        var latents = new float[4 * 8 * 8];
        new GaussianNoise(3).Fill(latents);
        using var run = new UnetRun(model, text, 0, 1, 8, 8, [1], guidanceBatch: false, null);

        var epsilon = run.Predict(scheduler, 2, latents, default);

        var inputs = UnetInputs.Constant(model, text, 0, 1, 64, 64, [1], false);
        inputs.AddRange(UnetInputs.Step(model, scheduler.InputScale(2), scheduler.Timesteps[2], latents, 1, 8, 8, false, null));
        var v = model.Unet.Run(inputs)[0].Tensor.As<float>().Data;
        var alpha = scheduler.SignalScale(2);
        var sigma = Math.Sqrt(1 - (alpha * alpha));
        for (var i = 0; i < v.Length; i++)
        {
            Assert.InRange(epsilon[i] - ((alpha * v[i]) + (sigma * latents[i] * scheduler.InputScale(2))), -1e-4, 1e-4);
        }

        Assert.InRange(alpha, 0.01, 0.99);
    }

    [Fact]
    public void SignalScale_SigmaAndDdpmSchedulers_AgreeWithTheNoiseSchedule()
    {
        var schedule = new NoiseSchedule();
        var euler = SchedulerFactory.Create(SamplerKind.Euler, schedule, 10, TimestepSpacing.Leading);
        var lcm = SchedulerFactory.Create(SamplerKind.Lcm, schedule, 4, TimestepSpacing.Leading);

        var t = (int)euler.Timesteps[3];
        Assert.Equal(Math.Sqrt(schedule.AlphasCumprod[t]), euler.SignalScale(3), 5);
        Assert.Equal(Math.Sqrt(schedule.AlphasCumprod[(int)lcm.Timesteps[1]]), lcm.SignalScale(1), 10);
    }

    [Fact]
    public void Open_TinyLcm_LcmSamplerFourStepsAndEmbeddedGuidance()
    {
        var profile = TinyModels.Lcm.Profile;

        Assert.Equal((SamplerKind.Lcm, 4, 8.5), (profile.Sampler, profile.Steps, profile.Guidance));
    }

    [Fact]
    public void Constant_LcmUNet_FeedsTimestepCondOfEachImagesGuidanceWithoutAGuidanceBatch()
    {
        var model = TinyModels.Lcm;
        var text = TextEmbedder.Encode(model, [[new PromptSegment(string.Empty, 1)], [new PromptSegment("a", 1)], [new PromptSegment("b", 1)]], default);
        var scheduler = SchedulerFactory.Create(SamplerKind.Lcm, model.Profile.Schedule(), 4, model.Profile.Spacing);
        Assert.False(scheduler.UsesGuidanceBatch);

        var inputs = UnetInputs.Constant(model, text, 0, 2, 64, 64, [8.5, 4], guidanceBatch: false).ToDictionary(static i => i.Name, static i => i.Tensor);

        Assert.Equal([2L, 16], inputs["timestep_cond"].Shape);
        var cond = inputs["timestep_cond"].As<float>().Data;
        Assert.Equal(UnetInputs.GuidanceEmbedding([8.5, 4], 1, 16), cond);
        Assert.Equal((float)Math.Sin(7500), cond[0], 4);
        Assert.Equal((float)Math.Cos(3000), cond[16 + 8], 4);
        Assert.Equal([2L, 77, 32], inputs["encoder_hidden_states"].Shape);
    }

    [Fact]
    public void Run_LcmModel_MakesImagesInFourSteps()
    {
        var model = TinyModels.Lcm;
        var steps = 0;
        var job = new DiffusionJob
        {
            Width = 64,
            Height = 64,
            Steps = model.Profile.Steps,
            Sampler = model.Profile.Sampler,
            Prompts = [.. Enumerable.Repeat<IReadOnlyList<PromptSegment>>([new PromptSegment("a fox", 1)], 4)],
            Seeds = [1, 2, 3, 4],
            Guidance = [.. Enumerable.Repeat(model.Profile.Guidance, 4)],
        };

        var output = new DiffusionPipeline(model).Run(job, (_, _) => steps++, default);

        Assert.Equal(4, steps);
        Assert.Equal(4, output.Images.Count);
    }
}
