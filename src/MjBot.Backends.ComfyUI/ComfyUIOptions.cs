namespace MjBot.Backends.ComfyUI;

/// <summary>The <c>Backends:ComfyUI</c> section: one or more ComfyUI servers, the model aliases they serve, and the
/// self-hoster's workflows. Registered by <c>AddComfyUIBackend</c>; without servers nothing is added.</summary>
public sealed record ComfyUIOptions
{
    public const string SectionName = "Backends:ComfyUI";

    /// <summary>Gets or sets the servers: each a GPU's ComfyUI. Jobs go to a healthy server that has the job's files,
    /// shortest queue first.</summary>
    public List<ComfyServerOptions> Servers { get; set; } = [];

    /// <summary>Gets or sets the alias used when a prompt names none.</summary>
    /// <value>The default value is <c>sd15</c>.</value>
    public string DefaultModel { get; set; } = "sd15";

    /// <summary>Gets or sets the model aliases (<c>--model</c>, <c>--v</c>, <c>--niji</c>, <c>--draft</c>).</summary>
    public Dictionary<string, ComfyModelOptions> Models { get; set; } = [];

    /// <summary>Gets or sets the alias of an inpainting checkpoint for Zoom Out and Pan; empty paints the new area with
    /// the job's own model under a mask.</summary>
    public string? InpaintModel { get; set; }

    /// <summary>Gets or sets an upscale model (from <c>/models/upscale_models</c>, e.g. <c>4x-UltraSharp.pth</c>) for
    /// Upscale (Subtle) and (Creative); empty leaves the enlargement to MjBot's own upscaler.</summary>
    public string? UpscaleModel { get; set; }

    /// <summary>Gets or sets the folder of the self-hoster's workflows (API-format JSON with a mapping file each),
    /// relative to the working directory.</summary>
    public string? WorkflowFolder { get; set; }

    /// <summary>Gets or sets how each grid is sampled: <c>per-image</c> (one sampler per image, so each image has its
    /// own seed, <c>--c</c> and <c>--sameseed</c> hold exactly) or <c>batch</c> (one batch of four: faster on a large
    /// GPU; the four images share the first seed's noise).</summary>
    /// <value>The default value is <c>per-image</c>.</value>
    public string Sampling { get; set; } = "per-image";

    /// <summary>Gets or sets the image-to-image strength of V1–V4 (Vary Subtle is 0.35, Vary Strong 0.65).</summary>
    /// <value>The default value is 0.55.</value>
    public double VariationStrength { get; set; } = 0.55;

    /// <summary>Gets or sets the seconds between health checks of each server.</summary>
    /// <value>The default value is 15.</value>
    public int HealthSeconds { get; set; } = 15;

    /// <summary>Gets or sets the seconds a running prompt's WebSocket may stay quiet before its history is polled
    /// (ComfyUI's socket is known to go silent while work goes on).</summary>
    /// <value>The default value is 30.</value>
    public int StallSeconds { get; set; } = 30;

    /// <summary>Gets or sets the minutes one prompt may take before it is interrupted and the job retried.</summary>
    /// <value>The default value is 30.</value>
    public int TimeoutMinutes { get; set; } = 30;

    /// <summary>Gets whether the graphs sample the four images one by one.</summary>
    internal bool PerImage => Sampling != "batch";

    /// <summary>Gets the inpainting alias, or null.</summary>
    internal string? InpaintAlias => string.IsNullOrWhiteSpace(InpaintModel) ? null : InpaintModel;

    /// <summary>Resolves <see cref="WorkflowFolder"/> against <paramref name="contentRoot"/>.</summary>
    public void ResolvePaths(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(WorkflowFolder))
        {
            WorkflowFolder = Path.GetFullPath(WorkflowFolder, contentRoot);
        }
    }
}
