using MjBot.Backends.Onnx.Runtime;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>The UNet's inputs, built from a batch's images and kept apart from running the model so tests can check
/// each tensor. With guidance the batch is the unconditional copies first, then the conditional ones. Constant over the
/// steps: <c>encoder_hidden_states</c>; SDXL's <c>text_embeds</c> (the pooled embedding) and <c>time_ids</c>
/// (original height, width, crop top, left, target height, width: [H, W, 0, 0, H, W]); LCM's <c>timestep_cond</c>.
/// Per step: <c>sample</c> (the latents × the scheduler's input scale, and an inpainting UNet's extra channels) and
/// <c>timestep</c>.</summary>
internal static class UnetInputs
{
    public static List<NamedTensor> Constant(StableDiffusionModel model, TextConditioning text, int first, int k, int height, int width, double[] guidance, bool guidanceBatch)
    {
        var unet = model.Unet;
        var copies = guidanceBatch ? 2 : 1;
        var batch = copies * k;
        var tokens = model.Tokenizer.Length;
        var size = tokens * text.Width;
        var hidden = new float[batch * size];
        for (var b = 0; b < batch; b++)
        {
            var source = guidanceBatch && b < k ? text.Hidden[0] : text.Hidden[1 + first + (b % k)];
            source.CopyTo(hidden, b * size);
        }

        var hiddenInput = unet.Input("encoder_hidden_states")!;
        List<NamedTensor> inputs = [new(hiddenInput.Name, TensorData.Floats(hidden, hiddenInput.Kind, batch, tokens, text.Width))];
        if (unet.Input("text_embeds") is { } embedsInput)
        {
            var pooled = text.Pooled ?? throw new InvalidDataException("An SDXL UNet needs the pooled text embedding of text_encoder_2.");
            var embeds = new float[batch * text.PooledWidth];
            for (var b = 0; b < batch; b++)
            {
                (guidanceBatch && b < k ? pooled[0] : pooled[1 + first + (b % k)]).CopyTo(embeds, b * text.PooledWidth);
            }

            inputs.Add(new NamedTensor(embedsInput.Name, TensorData.Floats(embeds, embedsInput.Kind, batch, text.PooledWidth)));
        }

        if (unet.Input("time_ids") is { } timeInput)
        {
            float[] one = [height, width, 0, 0, height, width];
            var ids = Enumerable.Range(0, batch).SelectMany(_ => one).ToArray();
            inputs.Add(new NamedTensor(timeInput.Name, TensorData.Floats(ids, timeInput.Kind, batch, one.Length)));
        }

        if (unet.Input("timestep_cond") is { } cond)
        {
            var dimension = (int)cond.Shape[^1];
            inputs.Add(new NamedTensor(cond.Name, TensorData.Floats(GuidanceEmbedding(guidance, copies, dimension), cond.Kind, batch, dimension)));
        }

        return inputs;
    }

    public static List<NamedTensor> Step(StableDiffusionModel model, double inputScale, double timestep, float[] latents, int k, int h, int w, bool guidanceBatch, float[]? extra)
    {
        var unet = model.Unet;
        var size = DiffusionPipeline.LatentChannels * h * w;
        var batch = (guidanceBatch ? 2 : 1) * k;
        var channels = model.UnetChannels;
        var scale = (float)inputScale;
        var perImage = channels * h * w;
        var sample = new float[batch * perImage];
        for (var b = 0; b < batch; b++)
        {
            var target = sample.AsSpan(b * perImage, perImage);
            var x = latents.AsSpan((b % k) * size, size);
            for (var j = 0; j < size; j++)
            {
                target[j] = x[j] * scale;
            }

            extra?.CopyTo(target[size..]);
        }

        var sampleInput = unet.Input("sample")!;
        var timestepInput = unet.Input("timestep")!;
        var timesteps = timestepInput.Shape is [1] ? 1 : batch;
        var t = Enumerable.Repeat((float)timestep, timesteps).ToArray();
        return
        [
            new(sampleInput.Name, TensorData.Floats(sample, sampleInput.Kind, batch, channels, h, w)),
            new(timestepInput.Name, TensorData.Floats(t, timestepInput.Kind, timestepInput.Shape.Count == 0 ? [] : [timesteps])),
        ];
    }

    /// <summary>LCM's <c>timestep_cond</c>: a sinusoidal embedding of (g − 1)·1000, sin half then cos half.</summary>
    public static float[] GuidanceEmbedding(double[] guidance, int copies, int dimension)
    {
        var half = dimension / 2;
        var result = new float[copies * guidance.Length * dimension];
        for (var b = 0; b < copies * guidance.Length; b++)
        {
            var value = (guidance[b % guidance.Length] - 1) * 1000;
            for (var i = 0; i < half; i++)
            {
                var frequency = Math.Exp(-Math.Log(10000) * i / (half - 1));
                result[(b * dimension) + i] = (float)Math.Sin(value * frequency);
                result[(b * dimension) + half + i] = (float)Math.Cos(value * frequency);
            }
        }

        return result;
    }

    /// <summary>Turns a v-prediction into ε: ε = α·v + √(1 − α²)·x, where x is what the UNet saw (latents × input
    /// scale) and α the scheduler's signal scale at the step.</summary>
    public static void VToEpsilon(Span<float> v, ReadOnlySpan<float> latents, double inputScale, double alpha)
    {
        var sigma = Math.Sqrt(Math.Max(0, 1 - (alpha * alpha)));
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = (float)((alpha * v[i]) + (sigma * latents[i] * inputScale));
        }
    }
}
