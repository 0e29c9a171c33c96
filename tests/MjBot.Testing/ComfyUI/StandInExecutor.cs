using System.Globalization;
using System.Text.Json.Nodes;
using MjBot.Imaging;
using MjBot.Imaging.Png;

namespace MjBot.Testing.ComfyUI;

/// <summary>Runs a validated prompt the way ComfyUI's executor orders it (each output's inputs first, a node's outputs
/// reused from the cache when its inputs are unchanged), with toy semantics for each node of the catalogue: loaders
/// name what they load, CLIPTextEncode keeps its text, samplers paint <see cref="StandInImages"/> colours step by step
/// (reporting progress and previews), SaveImage writes PNGs under ComfyUI's file names.</summary>
public sealed class StandInExecutor(ComfyStandIn server)
{
    private readonly Dictionary<string, object?[]> _cache = new(StringComparer.Ordinal);

    /// <summary>Runs the prompt's good outputs; says first which nodes come from the cache (execution_cached), then
    /// returns the output nodes' images (cached ones too) and those nodes.</summary>
    public async Task<(Dictionary<string, List<JsonObject>> Outputs, List<string> Cached)> RunAsync(
        JsonObject prompt, IReadOnlyList<string> outputs, Func<IReadOnlyList<string>, Task> fromCache, Func<string, Task> executing, Func<string, int, int, Task> progress, Func<byte[], Task> preview,
        Func<string, JsonObject, Task> executed, Func<string, string, Exception?> fault, Func<bool> interrupted)
    {
        var signatures = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        var cached = new List<string>();
        var images = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        foreach (var id in prompt.Select(static n => n.Key))
        {
            if (_cache.ContainsKey(Signature(id, prompt, signatures)))
            {
                cached.Add(id);
            }
        }

        await fromCache(cached);

        async Task<object?[]> Evaluate(string id)
        {
            if (values.TryGetValue(id, out var done))
            {
                return done;
            }

            var signature = Signature(id, prompt, signatures);
            if (_cache.TryGetValue(signature, out var hit))
            {
                values[id] = hit;
                if (StandInValidation.ClassOf(prompt[id]) is "SaveImage" or "PreviewImage" && hit[0] is JsonObject saved)
                {
                    images[id] = [saved];
                    await executed(id, saved);
                }

                return hit;
            }

            var inputs = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (name, value) in prompt[id]!["inputs"] as JsonObject ?? [])
            {
                inputs[name] = value is JsonArray and [JsonValue origin, JsonValue index]
                    ? (await Evaluate(origin.GetValue<string>()))[index.GetValue<int>()]
                    : value;
            }

            if (interrupted())
            {
                throw new OperationCanceledException();
            }

            await executing(id);
            var classType = StandInValidation.ClassOf(prompt[id]);
            if (fault(classType, id) is { } failure)
            {
                throw failure;
            }

            var result = await ExecuteAsync(classType, id, inputs, progress, preview, interrupted);
            if (result is [JsonObject output])
            {
                images[id] = [output];
                await executed(id, output);
            }

            values[id] = result;
            _cache[signature] = result;
            return result;
        }

        foreach (var output in outputs)
        {
            await Evaluate(output);
        }

        return (images, cached);
    }

    private async Task<object?[]> ExecuteAsync(string classType, string id, Dictionary<string, object?> i, Func<string, int, int, Task> progress, Func<byte[], Task> preview, Func<bool> interrupted)
    {
        switch (classType)
        {
            case "CheckpointLoaderSimple":
                var checkpoint = Text(i, "ckpt_name");
                return ["model:" + checkpoint, "clip:" + checkpoint, "vae:" + checkpoint];
            case "UNETLoader":
                return ["model:" + Text(i, "unet_name")];
            case "CLIPLoader":
                return ["clip:" + Text(i, "clip_name")];
            case "DualCLIPLoader":
                return [$"clip:{Text(i, "clip_name1")}+{Text(i, "clip_name2")}"];
            case "VAELoader":
                return ["vae:" + Text(i, "vae_name")];
            case "LoraLoader":
                return [$"{i["model"]}|lora:{Text(i, "lora_name")}:{Number(i, "strength_model")}", $"{i["clip"]}|lora:{Text(i, "lora_name")}"];
            case "LoraLoaderModelOnly":
                return [$"{i["model"]}|lora:{Text(i, "lora_name")}:{Number(i, "strength_model")}"];
            case "CLIPTextEncode":
                return [$"text:{Text(i, "text")}"];
            case "FluxGuidance":
                return [$"{i["conditioning"]}|guidance:{Number(i, "guidance")}"];
            case "EmptyLatentImage" or "EmptySD3LatentImage":
                return [new StandInLatent(Int(i, "width"), Int(i, "height"), Int(i, "batch_size"), null, null, null)];
            case "LoadImage":
                var loaded = server.InputImage(Text(i, "image"));
                var mask = new float[loaded.Width * loaded.Height];
                for (var p = 0; p < mask.Length; p++)
                {
                    mask[p] = 1 - (loaded.Pixels[(p * 4) + 3] / 255f);
                }

                return [new List<RgbaImage> { loaded }, new List<float[]> { mask }];
            case "ImageScale":
                return [Images(i, "image").Select(img => Resampler.Bilinear(img, Int(i, "width"), Int(i, "height"))).ToList()];
            case "ImageScaleBy":
                var by = Number(i, "scale_by");
                return [Images(i, "image").Select(img => Resampler.Bilinear(img, (int)Math.Round(img.Width * by), (int)Math.Round(img.Height * by))).ToList()];
            case "UpscaleModelLoader":
                return ["upscale:" + Text(i, "model_name")];
            case "ImageUpscaleWithModel":
                var factor = ((string)i["upscale_model"]!).Contains("2x", StringComparison.OrdinalIgnoreCase) ? 2 : 4;
                var source = Images(i, "image");
                for (var tile = 1; tile <= 4; tile++)
                {
                    await progress(id, tile, 4);
                }

                return [source.Select(img => Resampler.Bilinear(img, img.Width * factor, img.Height * factor)).ToList()];
            case "VAEEncode":
                var pixels = Images(i, "pixels");
                return [new StandInLatent(pixels[0].Width, pixels[0].Height, pixels.Count, pixels, null, null)];
            case "VAEEncodeForInpaint":
                var toPaint = Images(i, "pixels");
                var masks = (List<float[]>)i["mask"]!;
                return [new StandInLatent(toPaint[0].Width, toPaint[0].Height, toPaint.Count, toPaint, masks.Select(static m => m.Select(static v => v > 0.5f ? 1f : 0f).ToArray()).ToList(), null)];
            case "RepeatLatentBatch":
                var latent = (StandInLatent)i["samples"]!;
                var amount = Int(i, "amount");
                return [latent with
                {
                    Batch = latent.Batch * amount,
                    Sources = latent.Sources is null ? null : [.. Enumerable.Repeat(latent.Sources, amount).SelectMany(static s => s)],
                    Masks = latent.Masks is null ? null : [.. Enumerable.Repeat(latent.Masks, amount).SelectMany(static m => m)],
                }];
            case "KSampler" or "KSamplerAdvanced":
                return [await SampleAsync(classType, id, i, progress, preview, interrupted)];
            case "VAEDecode":
                return [((StandInLatent)i["samples"]!).Samples!.ToList()];
            case "SaveImage" or "PreviewImage":
                var type = classType == "SaveImage" ? "output" : "temp";
                var prefix = classType == "SaveImage" ? Text(i, "filename_prefix") : "ComfyUI_temp_" + id;
                var saved = Images(i, "images").Select(img => server.SaveOutput(prefix, type, PngEncoder.Encode(img))).ToList();
                return [new JsonObject { ["images"] = new JsonArray([.. saved]) }];
            default:
                throw new NotSupportedException($"The stand-in does not run {classType} nodes.");
        }
    }

    private async Task<StandInLatent> SampleAsync(string classType, string id, Dictionary<string, object?> i, Func<string, int, int, Task> progress, Func<byte[], Task> preview, Func<bool> interrupted)
    {
        var latent = (StandInLatent)i["latent_image"]!;
        var steps = Int(i, "steps");
        var last = classType == "KSamplerAdvanced" ? Math.Min(steps, Int(i, "end_at_step")) : steps;
        var seed = classType == "KSamplerAdvanced" ? Number(i, "noise_seed") : Number(i, "seed");
        var denoise = classType == "KSampler" ? Number(i, "denoise") : 1 - (Int(i, "start_at_step") / (double)steps);
        var recipe = $"{i["model"]}|{i["positive"]}|neg:{i["negative"]}|cfg:{Number(i, "cfg")}|{Text(i, "sampler_name")}/{Text(i, "scheduler")}|stop:{last}/{steps}";
        for (var step = 1; step <= last; step++)
        {
            await progress(id, step, last);
            if (server.SendsPreviews)
            {
                var colour = StandInImages.Colour(recipe + "|" + seed);
                await preview(EncodedImagesForTests.Jpeg(StandInImages.Solid(64, 64, colour)));
            }

            // Each step takes its time (or waits while a test holds the sampler); an interrupt ends it at once.
            await server.StepAsync();
            if (interrupted())
            {
                throw new OperationCanceledException();
            }
        }

        var samples = new List<RgbaImage>();
        for (var b = 0; b < latent.Batch; b++)
        {
            var colour = StandInImages.Colour($"{recipe}|seed:{seed}|batch:{b}");
            samples.Add(latent.Sources is { } sources
                ? StandInImages.Paint(sources[b], colour, denoise, latent.Masks?[b])
                : StandInImages.Solid(latent.Width, latent.Height, colour));
        }

        return latent with { Samples = samples };
    }

    private static string Signature(string id, JsonObject prompt, Dictionary<string, string> memo)
    {
        if (memo.TryGetValue(id, out var known))
        {
            return known;
        }

        var node = prompt[id]!;
        var parts = new List<string> { StandInValidation.ClassOf(node) };
        foreach (var (name, value) in (node["inputs"] as JsonObject ?? []).OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            parts.Add(name + "=" + (value is JsonArray and [JsonValue origin, JsonValue index] ? "(" + Signature(origin.GetValue<string>(), prompt, memo) + ")#" + index : value?.ToJsonString()));
        }

        return memo[id] = string.Join(";", parts);
    }

    private static List<RgbaImage> Images(Dictionary<string, object?> i, string name) => (List<RgbaImage>)i[name]!;

    private static string Text(Dictionary<string, object?> i, string name) => (i[name] as JsonValue)?.ToString() ?? string.Empty;

    private static int Int(Dictionary<string, object?> i, string name) => (int)Number(i, name);

    private static double Number(Dictionary<string, object?> i, string name) =>
        i[name] is JsonValue v && v.TryGetValue<double>(out var d) ? d : double.Parse(i[name]?.ToString() ?? "0", CultureInfo.InvariantCulture);
}
