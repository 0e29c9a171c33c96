namespace MjBot.Backends.ComfyUI;

/// <summary>A model alias on ComfyUI (<c>Backends:ComfyUI:Models:&lt;alias&gt;</c>): its family, the files the
/// servers load, and its defaults.</summary>
public sealed record ComfyModelOptions
{
    /// <summary>Gets or sets the family: <c>sd15</c> (SD 1.x/2.x, 512 px), <c>sdxl</c> (1024 px buckets) or
    /// <c>flux</c> (guidance as conditioning, CFG 1).</summary>
    /// <value>The default value is <c>sd15</c>.</value>
    public string Family { get; set; } = "sd15";

    /// <summary>Gets or sets the all-in-one checkpoint (a name from <c>/models/checkpoints</c>).</summary>
    public string? Checkpoint { get; set; }

    /// <summary>Gets or sets the diffusion model of a split model (from <c>/models/diffusion_models</c>), used when no
    /// checkpoint is set; with <see cref="Clip"/> (and <see cref="Clip2"/> for Flux) and <see cref="Vae"/>.</summary>
    public string? Unet { get; set; }

    /// <summary>Gets or sets the split model's text encoder (from <c>/models/text_encoders</c>); Flux's CLIP-L.</summary>
    public string? Clip { get; set; }

    /// <summary>Gets or sets the second text encoder (Flux's T5).</summary>
    public string? Clip2 { get; set; }

    /// <summary>Gets or sets the split model's VAE (from <c>/models/vae</c>).</summary>
    public string? Vae { get; set; }

    /// <summary>Gets or sets UNETLoader's <c>weight_dtype</c>.</summary>
    /// <value>The default value is <c>default</c>.</value>
    public string WeightDtype { get; set; } = "default";

    /// <summary>Gets or sets the steps when a prompt gives no <c>--steps</c>; 0 takes the family's (25, 30, 20).</summary>
    public int Steps { get; set; }

    /// <summary>Gets or sets the guidance when a prompt gives no <c>--cfg</c>/<c>--s</c>; 0 takes the family's (7, 6,
    /// and Flux's 3.5 guidance).</summary>
    public double Cfg { get; set; }

    /// <summary>Gets or sets KSampler's sampler name when a prompt gives no <c>--sampler</c>; empty takes the
    /// family's.</summary>
    public string? Sampler { get; set; }

    /// <summary>Gets or sets KSampler's scheduler name; empty takes the family's.</summary>
    public string? Scheduler { get; set; }
}
