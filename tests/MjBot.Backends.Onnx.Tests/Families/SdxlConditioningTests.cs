using MjBot.Backends.Onnx.Pipeline;
using MjBot.Backends.Onnx.Runtime;
using MjBot.Backends.Onnx.Schedulers;
using MjBot.Core.Prompting;

namespace MjBot.Backends.Onnx.Tests.Families;

/// <summary>SDXL's text side and added conditions, checked tensor by tensor against the tiny SDXL-shaped export.</summary>
public sealed class SdxlConditioningTests
{
    private static StableDiffusionModel Model => TinyModels.Sdxl;

    private static float[] Output(TextEncoderPart part, string text, string output)
    {
        var ids = part.Tokenizer.Encode(text).Ids.ToArray();
        return part.Session.Run([new NamedTensor("input_ids", new ModelTensor<int>(ids, 1, ids.Length))], [output])[0].Tensor.As<float>().Data;
    }

    [Fact]
    public void Open_TinySdxl_ReadsBothEncodersPenultimateLayersAndThePooledEmbedding()
    {
        Assert.Equal(ModelFamily.Sdxl, Model.Family);
        Assert.Equal(("hidden_states.1", 16, (string?)null), (Model.Encoder.HiddenOutput, Model.Encoder.Width, Model.Encoder.PooledOutput));
        var second = Assert.IsType<TextEncoderPart>(Model.Encoder2);
        Assert.Equal(("hidden_states.1", 24, "text_embeds", 24), (second.HiddenOutput, second.Width, second.PooledOutput, second.PooledWidth));
        Assert.Equal((0.13025, 128, 4), (Model.Profile.LatentScale, Model.Profile.NativeSize, Model.Profile.Steps));
        Assert.Equal(0, second.Tokenizer.PadToken);
    }

    [Fact]
    public void Encode_TwoEncoders_EachTokenIsTheFirstEncodersRowThenTheSeconds()
    {
        var text = TextEmbedder.Encode(Model, [[new PromptSegment("a red fox", 1)]], default);

        var first = Output(Model.Encoder, "a red fox", "hidden_states.1");
        var second = Output(Model.Encoder2!, "a red fox", "hidden_states.1");
        Assert.Equal(40, text.Width);
        for (var row = 0; row < 77; row++)
        {
            Assert.Equal(first.AsSpan(row * 16, 16).ToArray(), text.Hidden[0].AsSpan(row * 40, 16).ToArray());
            Assert.Equal(second.AsSpan(row * 24, 24).ToArray(), text.Hidden[0].AsSpan((row * 40) + 16, 24).ToArray());
        }

        Assert.Equal(Output(Model.Encoder2!, "a red fox", "text_embeds"), text.Pooled![0]);
        Assert.NotEqual(Output(Model.Encoder, "a red fox", "last_hidden_state").AsSpan(0, 16).ToArray(), text.Hidden[0].AsSpan(0, 16).ToArray());
    }

    [Fact]
    public void Encode_WeightedSegments_PooledEmbeddingIsTheirWeightedMeanToo()
    {
        var text = TextEmbedder.Encode(Model, [[new PromptSegment("a fox", 3), new PromptSegment("snow", 1)]], default);

        var fox = Output(Model.Encoder2!, "a fox", "text_embeds");
        var snow = Output(Model.Encoder2!, "snow", "text_embeds");
        for (var i = 0; i < fox.Length; i++)
        {
            Assert.InRange(text.Pooled![0][i] - ((0.75f * fox[i]) + (0.25f * snow[i])), -1e-5f, 1e-5f);
        }
    }

    [Fact]
    public void Encode_EmptyNegativePrompt_IsZerosAsSdxlPipelinesUse()
    {
        var text = TextEmbedder.Encode(Model, [[new PromptSegment(string.Empty, 1)], [new PromptSegment("a cat", 1)]], default);

        Assert.All(text.Hidden[0], static v => Assert.Equal(0f, v));
        Assert.All(text.Pooled![0], static v => Assert.Equal(0f, v));
        Assert.Contains(text.Hidden[1], static v => v != 0f);
    }

    [Fact]
    public void Constant_GuidanceBatch_TimeIdsTextEmbedsAndHiddenInBatchOrder()
    {
        var text = TextEmbedder.Encode(Model, [[new PromptSegment("blurry", 1)], [new PromptSegment("a cat", 1)], [new PromptSegment("a dog", 1)]], default);

        var inputs = UnetInputs.Constant(Model, text, 0, 2, 96, 168, [5, 5], guidanceBatch: true).ToDictionary(static i => i.Name, static i => i.Tensor);

        Assert.Equal(["encoder_hidden_states", "text_embeds", "time_ids"], inputs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([4L, 77, 40], inputs["encoder_hidden_states"].Shape);
        Assert.Equal([4L, 6], inputs["time_ids"].Shape);
        Assert.Equal([.. Enumerable.Repeat<float[]>([96, 168, 0, 0, 96, 168], 4).SelectMany(static r => r)], inputs["time_ids"].As<float>().Data);
        Assert.Equal([4L, 24], inputs["text_embeds"].Shape);
        float[] expected = [.. text.Pooled![0], .. text.Pooled[0], .. text.Pooled[1], .. text.Pooled[2]];
        Assert.Equal(expected, inputs["text_embeds"].As<float>().Data);
        var hidden = inputs["encoder_hidden_states"].As<float>().Data;
        Assert.Equal(text.Hidden[0], hidden.AsSpan(0, 77 * 40).ToArray());
        Assert.Equal(text.Hidden[2], hidden.AsSpan(3 * 77 * 40, 77 * 40).ToArray());
    }

    [Fact]
    public void Predict_ConstantsBoundOnce_OnlyLatentsAndTimestepRebindEachStep()
    {
        var text = TextEmbedder.Encode(Model, [[new PromptSegment("blurry", 1)], [new PromptSegment("a cat", 1)]], default);
        var scheduler = SchedulerFactory.Create(SamplerKind.Euler, new NoiseSchedule(), 4, TimestepSpacing.Leading);
        var latents = new float[4 * 12 * 21];
        new GaussianNoise(1).Fill(latents);
        using var run = new UnetRun(Model, text, 0, 1, 12, 21, [5], guidanceBatch: true, null);

        for (var step = 0; step < 4; step++)
        {
            Assert.Equal(latents.Length, run.Predict(scheduler, step, latents, default).Length);
        }

        Assert.Equal(3 + (4 * 2), run.Bindings);
    }

    [Fact]
    public void Run_Bucket16By9_MakesFourImagesOfTheBucketsSize()
    {
        var job = new DiffusionJob
        {
            Width = 168,
            Height = 96,
            Steps = 3,
            Sampler = SamplerKind.EulerAncestral,
            Prompts = [.. Enumerable.Repeat<IReadOnlyList<PromptSegment>>([new PromptSegment("a fox", 1)], 4)],
            Seeds = [1, 2, 3, 4],
            Guidance = [5, 5, 5, 5],
        };

        var output = new DiffusionPipeline(Model).Run(job, null, default);

        Assert.All(output.Images, static i => Assert.Equal((168, 96), (i.Width, i.Height)));
        Assert.NotEqual(output.Images[0].Pixels, output.Images[1].Pixels);
    }
}
