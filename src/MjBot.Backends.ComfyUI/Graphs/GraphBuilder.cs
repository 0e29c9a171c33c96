using System.Text.Json.Nodes;
using static MjBot.Backends.ComfyUI.Graphs.ComfyGraph;

namespace MjBot.Backends.ComfyUI.Graphs;

/// <summary>Turns a <see cref="GraphPlan"/> into ComfyUI nodes, with the inputs ComfyUI's own node definitions
/// declare (nodes.py, comfy_extras/nodes_flux.py, nodes_upscale_model.py): loaders (a checkpoint, or UNETLoader with
/// CLIPLoader/DualCLIPLoader and VAELoader), a LoraLoader per LoRA, CLIPTextEncode (with FluxGuidance on Flux), an
/// empty latent (EmptySD3LatentImage on Flux) or the source encoded (VAEEncode, or VAEEncodeForInpaint where it is
/// transparent), a KSampler per lane (KSamplerAdvanced to stop early), VAEDecode and a SaveImage per lane.</summary>
internal static class GraphBuilder
{
    public static BuiltGraph Build(GraphPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var graph = new ComfyGraph();
        JsonArray? pixels = null;
        JsonArray? mask = null;
        if (plan.SourceImage is { } source)
        {
            var load = graph.Add("LoadImage", ("image", source));
            (pixels, mask) = (Link(load, 0), Link(load, 1));
            if (plan.UpscaleModel is { } upscaleModel)
            {
                var loader = graph.Add("UpscaleModelLoader", ("model_name", upscaleModel));
                var enlarged = graph.Add("ImageUpscaleWithModel", ("upscale_model", Link(loader)), ("image", pixels));
                pixels = Link(graph.Add("ImageScale", ("image", Link(enlarged)), ("upscale_method", "lanczos"), ("width", plan.Width), ("height", plan.Height), ("crop", "disabled")));
            }
            else if (!plan.PaintTransparent)
            {
                pixels = Link(graph.Add("ImageScale", ("image", pixels), ("upscale_method", "lanczos"), ("width", plan.Width), ("height", plan.Height), ("crop", "disabled")));
            }
        }

        if (!plan.Sample)
        {
            var pixelsOnly = pixels ?? throw new ArgumentException("A graph that samples nothing needs a source image.", nameof(plan));
            var only = graph.Add("SaveImage", ("images", pixelsOnly), ("filename_prefix", plan.FilenamePrefix));
            return new BuiltGraph(graph.ToJson(), [only], []);
        }

        var model = plan.Model ?? throw new ArgumentException("A graph that samples needs a model.", nameof(plan));
        var (unet, clip, vae) = Loaders(graph, model);
        foreach (var lora in plan.Loras)
        {
            var loader = graph.Add("LoraLoader", ("model", unet), ("clip", clip), ("lora_name", lora.File), ("strength_model", lora.Weight), ("strength_clip", lora.Weight));
            (unet, clip) = (Link(loader, 0), Link(loader, 1));
        }

        var negative = Link(graph.Add("CLIPTextEncode", ("text", plan.Negative), ("clip", clip.DeepClone())));
        var encodedPositives = new Dictionary<string, string>(StringComparer.Ordinal);
        var latents = new Dictionary<int, JsonArray>();
        var saves = new List<string>();
        var samplers = new List<string>();
        for (var i = 0; i < plan.Lanes.Count; i++)
        {
            var lane = plan.Lanes[i];
            var text = lane.Positive ?? plan.Positive;
            if (!encodedPositives.TryGetValue(text, out var encoded))
            {
                encoded = graph.Add("CLIPTextEncode", ("text", text), ("clip", clip.DeepClone()));
                encodedPositives[text] = encoded;
            }

            var positive = model.Family.IsFlux
                ? Link(graph.Add("FluxGuidance", ("conditioning", Link(encoded)), ("guidance", lane.Cfg)))
                : Link(encoded);
            if (!latents.TryGetValue(lane.Batch, out var latent))
            {
                latent = Latent(graph, plan, model.Family, lane.Batch, pixels, mask, vae);
                latents[lane.Batch] = latent;
            }

            var cfg = model.Family.IsFlux ? 1.0 : lane.Cfg;

            // Image-to-image starts part-way (1 − denoise); --stop always leaves at least one step after that.
            var start = (int)Math.Round(plan.Steps * (1 - plan.Denoise));
            var sampler = plan.StopAtStep is { } stop
                ? graph.Add(
                    "KSamplerAdvanced",
                    ("model", unet.DeepClone()), ("add_noise", "enable"), ("noise_seed", lane.Seed), ("steps", plan.Steps), ("cfg", cfg),
                    ("sampler_name", plan.Sampler), ("scheduler", plan.Scheduler), ("positive", positive), ("negative", negative.DeepClone()),
                    ("latent_image", latent.DeepClone()), ("start_at_step", start), ("end_at_step", Math.Max(stop, start + 1)),
                    ("return_with_leftover_noise", "disable"))
                : graph.Add(
                    "KSampler",
                    ("model", unet.DeepClone()), ("seed", lane.Seed), ("steps", plan.Steps), ("cfg", cfg), ("sampler_name", plan.Sampler),
                    ("scheduler", plan.Scheduler), ("positive", positive), ("negative", negative.DeepClone()), ("latent_image", latent.DeepClone()),
                    ("denoise", plan.Denoise));
            samplers.Add(sampler);
            var decoded = graph.Add("VAEDecode", ("samples", Link(sampler)), ("vae", vae.DeepClone()));
            saves.Add(graph.Add("SaveImage", ("images", Link(decoded)), ("filename_prefix", $"{plan.FilenamePrefix}_{i + 1}")));
        }

        return new BuiltGraph(graph.ToJson(), saves, samplers);
    }

    private static (JsonArray Model, JsonArray Clip, JsonArray Vae) Loaders(ComfyGraph graph, ModelFiles model)
    {
        if (model.Checkpoint is { } checkpoint)
        {
            var loader = graph.Add("CheckpointLoaderSimple", ("ckpt_name", checkpoint));
            return (Link(loader, 0), Link(loader, 1), Link(loader, 2));
        }

        var unet = graph.Add("UNETLoader", ("unet_name", model.Unet), ("weight_dtype", model.WeightDtype));
        var clip = model.Family.TwoEncoders
            ? graph.Add("DualCLIPLoader", ("clip_name1", model.Clip), ("clip_name2", model.Clip2), ("type", model.Family.Name))
            : graph.Add("CLIPLoader", ("clip_name", model.Clip), ("type", "stable_diffusion"));
        var vae = graph.Add("VAELoader", ("vae_name", model.Vae));
        return (Link(unet), Link(clip), Link(vae));
    }

    private static JsonArray Latent(ComfyGraph graph, GraphPlan plan, ModelFamily family, int batch, JsonArray? pixels, JsonArray? mask, JsonArray vae)
    {
        if (pixels is null)
        {
            return Link(graph.Add(family.IsFlux ? "EmptySD3LatentImage" : "EmptyLatentImage", ("width", plan.Width), ("height", plan.Height), ("batch_size", batch)));
        }

        var encoded = plan.PaintTransparent
            ? graph.Add("VAEEncodeForInpaint", ("pixels", pixels.DeepClone()), ("vae", vae.DeepClone()), ("mask", mask!.DeepClone()), ("grow_mask_by", 6))
            : graph.Add("VAEEncode", ("pixels", pixels.DeepClone()), ("vae", vae.DeepClone()));
        return batch == 1 ? Link(encoded) : Link(graph.Add("RepeatLatentBatch", ("samples", Link(encoded)), ("amount", batch)));
    }
}
