using MjBot.Backends.Onnx.Schedulers;
using MjBot.Core.Backends;
using MjBot.Core.Generation;
using MjBot.Core.Jobs;
using MjBot.Core.Prompting;
using MjBot.Core.Localization;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>Maps a member's request onto Stable Diffusion, as the README's table documents:
/// <list type="bullet">
/// <item>--ar: width × height in multiples of 64 at about the model's native pixel count; on SDXL the nearest of the
/// aspect buckets it was trained on.</item>
/// <item>--s: guidance g = 10 − 2.5·√(s/100) (s ≤ 1000; 7.5 at the default 100, 2.1 at 1000, never below 1.5);
/// --cfg sets g directly; models with guidance off (SD-Turbo) ignore both.</item>
/// <item>--c: image i (0–3) follows the prompt more loosely: gᵢ = g·(1 − 0.5·(c/100)·i/3).</item>
/// <item>--q: steps × q (0.25–4); --steps sets them directly. --stop: stops after that share of the steps.</item>
/// <item>--seed: image i uses seed + i (--sameseed: all the seed). --no: the negative prompt. <c>::</c>: weighted
/// prompt embeddings. --sampler: the scheduler.</item>
/// <item>--model, --v, --niji, --draft: model aliases from configuration (<c>v7</c>, <c>niji</c>, <c>draft</c>).</item>
/// </list></summary>
internal static class GenerationPlanner
{
    /// <summary>The model alias the request asks for, and a notice when it falls back to the default.</summary>
    public static (string Alias, CatalogueText? Notice) ModelAlias(ImagineRequest request, OnnxBackendOptions settings) =>
        ModelAliasChoice.For(request, settings.Knows, settings.Models.Keys, settings.DefaultModel);

    public static DiffusionJob Plan(GenerationRequest request, ModelProfile profile, int batchSize)
    {
        var p = request.Request.Parameters;
        var aspect = p.Aspect ?? new AspectRatio(1, 1);
        var (width, height) = Dimensions(aspect.Width, aspect.Height, profile);
        var steps = Math.Clamp(p.Steps ?? (int)Math.Round(profile.Steps * (p.Quality ?? 1)), 1, 150);
        var sampler = SchedulerFactory.Parse(p.Sampler) ?? profile.Sampler;
        var guidance = profile.GuidanceOff ? profile.Guidance : p.Cfg ?? (p.Stylize is { } s ? PromptGuidance.FromStylize(s) : profile.Guidance);
        var count = request.Kind == JobKind.Upscale ? 1 : JobLimits.GridSize;
        IReadOnlyList<PromptSegment> prompt = request.Request.MultiPrompt.IsDefaultOrEmpty
            ? [new PromptSegment(request.Request.Prompt, 1)]
            : request.Request.MultiPrompt;
        return new DiffusionJob
        {
            Width = width,
            Height = height,
            Steps = steps,
            Sampler = sampler,
            Prompts = [.. Enumerable.Range(0, count).Select(i => request.Captions.Count == count ? [new PromptSegment(request.Captions[i], 1)] : prompt)],
            Seeds = [.. Enumerable.Range(0, count).Select(i => ImageSeeds.Of(request.Seed, p.SameSeed == true, i + 1))],
            Guidance = [.. Enumerable.Range(0, count).Select(i => PromptGuidance.ForImage(guidance, p.Chaos ?? 0, i))],
            Negative = string.Join(", ", request.Request.NegativeTerms.Concat(request.SafetyNegatives)),
            StopAfter = p.Stop is { } stop and < 100 ? Math.Max(1, (int)Math.Ceiling(steps * stop / 100.0)) : null,
            BatchSize = batchSize,
        };
    }

    /// <summary>Width × height for a ratio on a model: SDXL's nearest training bucket, else multiples of 64 at about the
    /// native size's pixel count.</summary>
    public static (int Width, int Height) Dimensions(int ratioWidth, int ratioHeight, ModelProfile profile) =>
        profile.Family == ModelFamily.Sdxl
            ? AspectBuckets.Nearest(ratioWidth, ratioHeight, profile.NativeSize)
            : Dimensions(ratioWidth, ratioHeight, profile.NativeSize);

    /// <summary>Width × height for a ratio, in multiples of 64, at about <paramref name="native"/>² pixels.</summary>
    public static (int Width, int Height) Dimensions(int ratioWidth, int ratioHeight, int native) =>
        AspectBuckets.AtPixels(ratioWidth, ratioHeight, native);

    /// <summary>The sentences for the member: each approximated or ignored parameter, and any prompt part CLIP cut.</summary>
    public static List<CatalogueText> Notices(ImagineRequest request, DiffusionOutput output, CatalogueText? modelNotice)
    {
        var notices = ParameterTreatmentTable.NoticesFor(BackendKind.StableDiffusion, request)
            .Select(static t => t.Notice)
            .ToList();
        if (modelNotice is not null)
        {
            notices.Add(modelNotice);
        }

        foreach (var cut in output.Tokens.Where(static t => t.Truncated).Select(static t => t.CutWords).Distinct())
        {
            notices.Add(CatalogueText.Of("notice.tokens_cut", ("words", cut)));
        }

        return notices;
    }
}
