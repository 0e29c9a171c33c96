using System.Globalization;
using MjBot.Core.Backends;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Localization;
using MjBot.Imaging;
using MjBot.Imaging.Png;

namespace MjBot.Backends.ComfyUI.Graphs;

/// <summary>Maps a member's request onto ComfyUI as the README's table documents: the alias's files and family
/// (<c>--model</c>, <c>--v</c>, <c>--niji</c>, <c>--draft</c>), <c>--ar</c> as the family's sizes, <c>--s</c>/<c>--cfg</c>
/// as guidance (FluxGuidance on Flux), <c>--c</c> per image, <c>--seed</c> per image, <c>--steps</c>/<c>--q</c>,
/// <c>--sampler</c> as KSampler's names, <c>--stop</c> as KSamplerAdvanced's last step, <c>--no</c> and negative
/// <c>::</c> parts as the negative prompt; V1–V4 and Vary as image-to-image, Upscale as the upscale model (refined at
/// 0.3 for Creative), Zoom Out and Pan as painting a transparent canvas.</summary>
internal sealed class JobPlanner(ComfyUIOptions options, Workflows.WorkflowSet workflows)
{
    /// <summary>Gets whether this configuration enlarges images itself (an upscale model is set).</summary>
    public bool UpscalesItself => !string.IsNullOrWhiteSpace(options.UpscaleModel);

    public PlannedJob Plan(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (alias, aliasNotice) = request.Kind is JobKind.ZoomOut or JobKind.Pan && options.InpaintAlias is { } inpaint
            ? (inpaint, null)
            : ModelAliasChoice.For(request.Request, Knows, Aliases, options.DefaultModel);
        var notices = ParameterTreatmentTable.NoticesFor(BackendKind.ComfyUI, request.Request).Select(static t => t.Notice).ToList();
        if (aliasNotice is not null)
        {
            notices.Add(aliasNotice);
        }

        if (workflows.Find(alias) is { } workflow)
        {
            return PlanWorkflow(request, alias, workflow, notices);
        }

        var settings = options.Models.GetValueOrDefault(alias) ?? throw GenerationException.Of("failure.unknown_model", retryable: false, ("model", alias), ("models", string.Join(", ", Aliases)));
        var family = ModelFamily.Named(settings.Family) ?? ModelFamily.Sd15;
        var files = new ModelFiles(family, Blank(settings.Checkpoint), Blank(settings.Unet), Blank(settings.Clip), Blank(settings.Clip2), Blank(settings.Vae), settings.WeightDtype);
        var p = request.Request.Parameters;
        var (sampler, scheduler) = SamplerNames.Of(p.Sampler) ?? (Blank(settings.Sampler) ?? family.Sampler, Blank(settings.Scheduler) ?? family.Scheduler);
        var steps = Math.Clamp(p.Steps ?? (int)Math.Round((settings.Steps > 0 ? settings.Steps : family.Steps) * (p.Quality ?? 1)), 1, 150);
        var guidance = p.Cfg ?? (p.Stylize is { } s ? Scaled(PromptGuidance.FromStylize(s), family) : settings.Cfg > 0 ? settings.Cfg : family.Cfg);
        var graph = new GraphPlan
        {
            Model = files,
            Positive = PromptText.Positive(request),
            Negative = PromptText.Negative(request),
            Steps = steps,
            Sampler = sampler,
            Scheduler = scheduler,
            StopAtStep = p.Stop is { } stop and < 100 ? Math.Max(1, (int)Math.Ceiling(steps * stop / 100.0)) : null,
            FilenamePrefix = "mjbot/" + (request.JobId ?? Guid.NewGuid().ToString("N")),
        };
        var needs = files.Needs().ToList();
        var job = new PlannedJob { Alias = alias, Graph = graph, Loras = p.Lora.IsDefault ? [] : p.Lora, Notices = notices, Needs = needs };
        return request.Kind switch
        {
            JobKind.Variation => Variation(job, request, family, guidance),
            JobKind.Upscale => Upscale(job, request, family, guidance, needs),
            JobKind.ZoomOut or JobKind.Pan => Outpaint(job, request, family, guidance),
            _ => TextToImage(job, request, family, guidance),
        };
    }

    private IEnumerable<string> Aliases => options.Models.Keys.Order(StringComparer.Ordinal);

    private bool Knows(string alias) => options.Models.ContainsKey(alias) || workflows.Find(alias) is not null;

    private PlannedJob TextToImage(PlannedJob job, GenerationRequest request, ModelFamily family, double guidance)
    {
        var aspect = request.Request.Parameters.Aspect ?? new Core.Prompting.AspectRatio(1, 1);
        var (width, height) = Size(aspect.Width, aspect.Height, family);
        var graph = job.Graph with { Width = width, Height = height, Lanes = Lanes(request, guidance, JobLimits.GridSize) };
        var images = request.References.Where(static r => r.Role == ReferenceRole.ImagePrompt).ToList();
        if (images.Count == 0)
        {
            return job with { Graph = graph };
        }

        // Image prompts start image-to-image at the member's --ar: each cropped to fill the size, several averaged
        // into one start image (ComfyUI's stock LatentBlend takes two), redrawn as much as --iw says.
        var start = ImageOperations.Mean([.. images.Select(i => ImageOperations.Cover(Decode(i.Png), width, height))]);
        return job with { Upload = PngEncoder.Encode(start), Graph = graph with { Denoise = ImagePromptStrength.For(request.Request.Parameters.ImageWeight) } };
    }

    private PlannedJob Variation(PlannedJob job, GenerationRequest request, ModelFamily family, double guidance)
    {
        var source = Decode(request.Source);
        var (width, height) = Size(source.Width, source.Height, family);
        var strength = request.Option switch { "subtle" => 0.35, "strong" => 0.65, _ => options.VariationStrength };
        return job with
        {
            Upload = request.Source,
            Graph = job.Graph with { Width = width, Height = height, Denoise = strength, Lanes = Lanes(request, guidance, JobLimits.GridSize) },
        };
    }

    // With an upscale model: its enlargement brought to exactly twice the source (Subtle), then refined at 0.3
    // (Creative). Without one the host enlarged the image already and only Creative comes here: refined at its size.
    private PlannedJob Upscale(PlannedJob job, GenerationRequest request, ModelFamily family, double guidance, List<(string Folder, string File)> needs)
    {
        var source = Decode(request.Source);
        var lanes = new[] { new SamplingLane(request.Seed, guidance, 1) };
        if (UpscalesItself)
        {
            var model = options.UpscaleModel!;
            var refine = request.Option == "creative";
            needs = refine ? [.. needs, ("upscale_models", model)] : [("upscale_models", model)];
            return job with
            {
                Upload = request.Source,
                Images = 1,
                Needs = needs,
                Loras = refine ? job.Loras : [],
                Notices = [.. job.Notices, CatalogueText.Of("notice.upscaled_with", ("model", model))],
                Graph = job.Graph with
                {
                    Model = refine ? job.Graph.Model : null,
                    Sample = refine,
                    UpscaleModel = model,
                    Width = source.Width * 2 / 8 * 8,
                    Height = source.Height * 2 / 8 * 8,
                    Denoise = 0.3,
                    Lanes = lanes,
                },
            };
        }

        return job with
        {
            Upload = request.Source,
            Images = 1,
            Graph = job.Graph with { Width = source.Width / 8 * 8, Height = source.Height / 8 * 8, Denoise = 0.3, Lanes = lanes },
        };
    }

    // The canvas is transparent where the server paints (LoadImage's mask is 1 − alpha); it is painted at the model's
    // size and the original's pixels are put back exactly afterwards (OutpaintLayout.Restore).
    private PlannedJob Outpaint(PlannedJob job, GenerationRequest request, ModelFamily family, double guidance)
    {
        var source = Decode(request.Source);
        RgbaImage canvas;
        RgbaImage painted;
        int width;
        int height;
        if (request.Kind == JobKind.ZoomOut)
        {
            (width, height) = Size(source.Width, source.Height, family);
            var factor = double.Parse(request.Option ?? "2", CultureInfo.InvariantCulture);
            canvas = OutpaintLayout.ZoomOut(source, width, height, factor);
            painted = canvas;
        }
        else
        {
            canvas = OutpaintLayout.PanCanvas(source, request.Option ?? "right");
            (width, height) = Size(canvas.Width, canvas.Height, family);
            painted = Resampler.Lanczos3(canvas, width, height);
        }

        return job with
        {
            Upload = PngEncoder.Encode(painted),
            Canvas = canvas,
            Graph = job.Graph with { Width = width, Height = height, PaintTransparent = true, Lanes = Lanes(request, guidance, JobLimits.GridSize) },
        };
    }

    // Per image (own seed, --c's guidance, prompt magic's caption), or one batch of four when configured and nothing
    // needs images to differ.
    private List<SamplingLane> Lanes(GenerationRequest request, double guidance, int count)
    {
        var p = request.Request.Parameters;
        var captions = request.Captions.Count == count;
        if (!options.PerImage && (p.Chaos ?? 0) == 0 && p.SameSeed != true && !captions)
        {
            return [new SamplingLane(request.Seed, guidance, count)];
        }

        return [.. Enumerable.Range(0, count).Select(i => new SamplingLane(
            ImageSeeds.Of(request.Seed, p.SameSeed == true, i + 1),
            PromptGuidance.ForImage(guidance, p.Chaos ?? 0, i),
            1,
            captions ? request.Captions[i] : null))];
    }

    private PlannedJob PlanWorkflow(GenerationRequest request, string alias, Workflows.Workflow workflow, List<CatalogueText> notices)
    {
        var p = request.Request.Parameters;
        if (request.Kind == JobKind.Upscale && UpscalesItself && request.Option != "creative")
        {
            // Subtle needs only the upscale model, never the workflow's own model.
            var bare = new PlannedJob { Alias = alias, Graph = new GraphPlan { FilenamePrefix = "mjbot/" + (request.JobId ?? Guid.NewGuid().ToString("N")) }, Notices = notices };
            return Upscale(bare, request, ModelFamily.Sd15, 0, []);
        }

        if (request.Kind is not (JobKind.Imagine or JobKind.Reroll or JobKind.Variation))
        {
            throw GenerationException.Of("failure.comfy_workflow_cannot", retryable: false, ("workflow", alias));
        }

        if (request.Kind == JobKind.Variation && workflow.Mapping.Image is null)
        {
            throw GenerationException.Of("failure.comfy_workflow_no_image", retryable: false, ("workflow", alias));
        }

        if (!p.Lora.IsDefaultOrEmpty)
        {
            notices = [.. notices, CatalogueText.Of("notice.workflow_lora", ("workflow", alias))];
        }

        var aspect = p.Aspect ?? new Core.Prompting.AspectRatio(1, 1);
        var (width, height) = Size(aspect.Width, aspect.Height, ModelFamily.Named(workflow.Mapping.Family) ?? ModelFamily.Sd15);
        var graph = new GraphPlan
        {
            Positive = PromptText.Positive(request),
            Negative = PromptText.Negative(request),
            Width = width,
            Height = height,
            Steps = p.Steps ?? 0,
            Lanes = [new SamplingLane(request.Seed, p.Cfg ?? (p.Stylize is { } s ? PromptGuidance.FromStylize(s) : 0), JobLimits.GridSize)],
            Denoise = request.Kind == JobKind.Variation ? (request.Option switch { "subtle" => 0.35, "strong" => 0.65, _ => options.VariationStrength }) : 1,
            FilenamePrefix = "mjbot/" + (request.JobId ?? Guid.NewGuid().ToString("N")),
        };
        return new PlannedJob { Alias = alias, Graph = graph, Workflow = workflow, Upload = request.Kind == JobKind.Variation ? request.Source : null, Notices = notices, Needs = [] };
    }

    // Flux reads guidance near 3.5 where SD reads 7.5: --s keeps its relative effect.
    private static double Scaled(double guidance, ModelFamily family) => family.IsFlux ? guidance * 3.5 / 7.5 : guidance;

    private static (int Width, int Height) Size(int ratioWidth, int ratioHeight, ModelFamily family) =>
        family.Buckets ? AspectBuckets.Nearest(ratioWidth, ratioHeight, family.NativeSize) : AspectBuckets.AtPixels(ratioWidth, ratioHeight, family.NativeSize);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static RgbaImage Decode(byte[]? png) =>
        png is not null && PngDecoder.Decode(png) is PngDecodeResult.Success success
            ? success.Image.Pixels
            : throw GenerationException.Of("failure.source_unreadable", retryable: false);
}
