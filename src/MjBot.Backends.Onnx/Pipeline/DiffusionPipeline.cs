using MjBot.Backends.Onnx.Schedulers;
using MjBot.Core.Prompting;
using MjBot.Imaging;
using MjBot.Backends.Onnx.Runtime;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>Stable Diffusion (SD 1.x, SD 2.x, SDXL): text encoder(s), then the UNet loop (<see cref="UnetRun"/>: constant
/// inputs bound once, classifier-free guidance with the unconditional half first, v-predictions turned into ε), then
/// the VAE decoder one image at a time. Each image has its
/// own generator (seed + i) for its starting noise and its step noise, so any image can be made again alone. Images
/// go through the UNet in batches of <see cref="DiffusionJob.BatchSize"/>. Image-to-image encodes the source with the
/// VAE encoder and starts part-way; an inpainting UNet (9 channels) also gets the mask and the masked image's latents.
/// Cancellation is checked between steps and stops a model run in progress.</summary>
internal sealed class DiffusionPipeline(StableDiffusionModel model, PipelineTimings? timings = null)
{
    private readonly PipelineTimings _timings = timings ?? new PipelineTimings();

    internal const int LatentChannels = 4;

    public DiffusionOutput Run(DiffusionJob job, DiffusionProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Width % 8 != 0 || job.Height % 8 != 0)
        {
            throw new ArgumentException($"Width and height must be multiples of 8, not {job.Width}×{job.Height}.", nameof(job));
        }

        if (model.IsInpainting && job.Mask is null)
        {
            throw new ArgumentException("An inpainting model needs a mask.", nameof(job));
        }

        var (h, w) = (job.Height / 8, job.Width / 8);
        var size = LatentChannels * h * w;
        var profile = model.Profile;
        var schedule = profile.Schedule();
        IReadOnlyList<IReadOnlyList<PromptSegment>> prompts = [[new PromptSegment(job.Negative, 1)], .. job.Prompts];
        var text = _timings.TimeText(() => TextEmbedder.Encode(model, prompts, cancellationToken));
        var source = job.Source is { } image ? _timings.TimeVae(() => MeanLatent([image, .. job.Blend], cancellationToken)) : null;
        var extra = model.IsInpainting ? InpaintChannels(job, h, w, cancellationToken) : null;
        var images = new RgbaImage[job.Count];
        var batch = Math.Clamp(job.BatchSize, 1, 4);
        var done = 0;
        var last = Math.Min(job.StopAfter ?? job.Steps, job.Steps);
        for (var first = 0; first < job.Count; first += batch)
        {
            var k = Math.Min(batch, job.Count - first);
            var scheduler = SchedulerFactory.Create(job.Sampler, schedule, job.Steps, profile.Spacing);
            var start = source is null ? 0 : scheduler.StartStep(job.Strength);
            var total = ((job.Count + batch - 1) / batch) * Math.Max(1, last - start);
            var generators = Enumerable.Range(first, k).Select(i => new GaussianNoise(job.Seeds[i])).ToArray();
            var latents = Initial(scheduler, generators, source, size, start);
            var denoised = new float[latents.Length];
            var guidance = job.Guidance.Skip(first).Take(k).ToArray();
            using var unet = new UnetRun(model, text, first, k, h, w, guidance, scheduler.UsesGuidanceBatch && guidance.Max() > 1, extra);
            void FillNoise(Span<float> span)
            {
                for (var i = 0; i < k; i++)
                {
                    generators[i].Fill(span.Slice(i * size, size));
                }
            }

            for (var step = start; step < last; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = step;
                _timings.TimeStep(() =>
                {
                    var epsilon = unet.Predict(scheduler, current, latents, cancellationToken);
                    scheduler.Step(current, epsilon, latents, denoised, FillNoise);
                    return epsilon;
                });
                done++;
                var preview = step == last - 1 || (step - start) % Math.Max(1, (last - start) / 4) == 0
                    ? LatentPreview.Png(denoised, k, h, w)
                    : null;
                progress?.Invoke(Math.Min(99, done * 100 / total), preview);
            }

            // Stopped early (--stop): the clean estimate of the last step, which is what a stopped sampler shows.
            var final = last < job.Steps ? denoised : latents;
            for (var i = 0; i < k; i++)
            {
                var one = final.AsMemory(i * size, size);
                images[first + i] = _timings.TimeVae(() => Decode(one.Span, h, w, cancellationToken));
            }
        }

        return new DiffusionOutput(images, text.Tokens);
    }

    private static float[] Initial(DiffusionScheduler scheduler, GaussianNoise[] generators, float[]? source, int size, int start)
    {
        var latents = new float[generators.Length * size];
        for (var i = 0; i < generators.Length; i++)
        {
            var slice = latents.AsSpan(i * size, size);
            generators[i].Fill(slice);
            if (source is null)
            {
                for (var j = 0; j < size; j++)
                {
                    slice[j] *= (float)scheduler.InitNoiseSigma;
                }

                continue;
            }

            var noise = slice.ToArray();
            source.CopyTo(slice);
            scheduler.AddNoise(slice, noise, start);
        }

        return latents;
    }

    private RgbaImage Decode(ReadOnlySpan<float> latent, int h, int w, CancellationToken cancellationToken)
    {
        var scale = (float)model.Profile.LatentScale;
        var data = new float[latent.Length];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = latent[i] / scale;
        }

        var input = model.VaeDecoder.Input("latent_sample")!;
        var output = model.VaeDecoder.Run([new NamedTensor(input.Name, TensorData.Floats(data, input.Kind, 1, LatentChannels, h, w))], [model.VaeDecoder.Outputs[0].Name], cancellationToken)[0].Tensor;
        return PixelTensors.ToImage(TensorData.ToFloats(output), (int)output.Shape[3], (int)output.Shape[2]);
    }

    // Several starting images blend as the mean of their latents.
    private float[] MeanLatent(IReadOnlyList<RgbaImage> images, CancellationToken cancellationToken)
    {
        var mean = Encode(images[0], cancellationToken);
        if (images.Count == 1)
        {
            return mean;
        }

        foreach (var other in images.Skip(1))
        {
            var latent = Encode(other, cancellationToken);
            for (var i = 0; i < mean.Length; i++)
            {
                mean[i] += latent[i];
            }
        }

        for (var i = 0; i < mean.Length; i++)
        {
            mean[i] /= images.Count;
        }

        return mean;
    }

    private float[] Encode(RgbaImage image, CancellationToken cancellationToken)
    {
        var encoder = model.VaeEncoder ?? throw new InvalidDataException($"{model.Folder} has no vae_encoder/model.onnx, which image-to-image needs.");
        var input = encoder.Input("sample")!;
        var tensor = TensorData.Floats(PixelTensors.FromImage(image), input.Kind, 1, 3, image.Height, image.Width);
        var latent = TensorData.ToFloats(encoder.Run([new NamedTensor(input.Name, tensor)], [encoder.Outputs[0].Name], cancellationToken)[0].Tensor);
        var scale = (float)model.Profile.LatentScale;
        for (var i = 0; i < latent.Length; i++)
        {
            latent[i] *= scale;
        }

        return latent;
    }

    // An inpainting UNet's extra channels: the mask at latent size (1 = paint), then the latents of the source with
    // the painted part blanked.
    private float[] InpaintChannels(DiffusionJob job, int h, int w, CancellationToken cancellationToken)
    {
        var source = job.Source ?? throw new ArgumentException("Inpainting needs a source image.", nameof(job));
        var mask = job.Mask!;
        var masked = new RgbaImage(source.Width, source.Height, (byte[])source.Pixels.Clone());
        for (var i = 0; i < mask.Pixels.Length; i += 4)
        {
            if (mask.Pixels[i] >= 128)
            {
                masked.Pixels[i] = masked.Pixels[i + 1] = masked.Pixels[i + 2] = 127;
            }
        }

        var extra = new float[(1 + LatentChannels) * h * w];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                extra[(y * w) + x] = mask.Pixels[((((y * 8) + 4) * mask.Width) + (x * 8) + 4) * 4] >= 128 ? 1f : 0f;
            }
        }

        Encode(masked, cancellationToken).CopyTo(extra, h * w);
        return extra;
    }
}
