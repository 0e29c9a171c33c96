namespace MjBot.Backends.ComfyUI.Graphs;

/// <summary>What one prompt to ComfyUI does, before it is nodes: text-to-image, image-to-image from an uploaded image,
/// painting an uploaded canvas's transparent area, or an upscale model's enlargement (refined or not).</summary>
internal sealed record GraphPlan
{
    /// <summary>Gets the model, or null for an enlargement that samples nothing.</summary>
    public ModelFiles? Model { get; init; }

    public IReadOnlyList<LoraFile> Loras { get; init; } = [];

    public string Positive { get; init; } = string.Empty;

    public string Negative { get; init; } = string.Empty;

    public int Width { get; init; }

    public int Height { get; init; }

    public int Steps { get; init; }

    public string Sampler { get; init; } = "euler";

    public string Scheduler { get; init; } = "normal";

    public IReadOnlyList<SamplingLane> Lanes { get; init; } = [];

    /// <summary>Gets the share of the steps that denoise (1 from an empty latent; below 1 from an image).</summary>
    public double Denoise { get; init; } = 1;

    /// <summary>Gets the step sampling stops at (<c>--stop</c>), or null for all of them.</summary>
    public int? StopAtStep { get; init; }

    /// <summary>Gets the uploaded image's name (LoadImage), or null for text-to-image.</summary>
    public string? SourceImage { get; init; }

    /// <summary>Gets whether the source's transparent pixels are what to paint (Zoom Out, Pan).</summary>
    public bool PaintTransparent { get; init; }

    /// <summary>Gets the upscale model that enlarges the source to <see cref="Width"/> × <see cref="Height"/> first.</summary>
    public string? UpscaleModel { get; init; }

    /// <summary>Gets whether the graph samples (false: the enlargement is the result).</summary>
    public bool Sample { get; init; } = true;

    /// <summary>Gets the SaveImage prefix: unique per job, so no two jobs' files are confused.</summary>
    public string FilenamePrefix { get; init; } = "mjbot/image";
}
