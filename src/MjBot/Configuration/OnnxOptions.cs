namespace MjBot.Configuration;

/// <summary>The <c>Backends:Onnx</c> section: local Stable Diffusion on ONNX Runtime.</summary>
public sealed class OnnxOptions
{
    /// <summary>Gets or sets the folder that holds model folders (each in the standard ONNX export layout).</summary>
    /// <value>The default value is <c>models</c>, relative to the working directory.</value>
    public string ModelFolder { get; set; } = "models";

    /// <summary>Gets or sets the model alias used when a prompt names none.</summary>
    /// <value>The default value is <c>sd15</c>.</value>
    public string DefaultModel { get; set; } = "sd15";

    /// <summary>Gets or sets model aliases (what <c>--model</c>, <c>--v</c> and <c>--niji</c> pick) → folder names
    /// under <see cref="ModelFolder"/>.</summary>
    public Dictionary<string, string> Models { get; set; } = [];

    /// <summary>Gets or sets the path of libonnxruntime. Empty: <c>.native/onnxruntime/libonnxruntime.so.1</c> under
    /// the working directory (where eng/fetch-onnxruntime.sh puts it), then beside the program.</summary>
    public string? LibraryPath { get; set; }

    /// <summary>Gets or sets the execution provider: <c>auto</c> (CUDA when present), <c>cpu</c> or <c>cuda</c>.</summary>
    /// <value>The default value is <c>auto</c>.</value>
    public string ExecutionProvider { get; set; } = "auto";

    /// <summary>Gets or sets the CUDA device id.</summary>
    public int DeviceId { get; set; }

    /// <summary>Gets or sets the GPU memory limit in MiB; 0 means no limit.</summary>
    public int GpuMemoryLimitMiB { get; set; }

    /// <summary>Gets or sets the alias of an inpainting model (a 9-channel UNet) for Zoom Out and Pan; empty disables
    /// those buttons.</summary>
    public string? InpaintModel { get; set; }

    /// <summary>Gets or sets the CPU threads per operator; 0 lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>Gets or sets how many images go through the UNet together: 4, 2 or 1 (least memory).</summary>
    /// <value>The default value is 4.</value>
    public int BatchSize { get; set; } = 4;

    /// <summary>Gets or sets the image-to-image strength of V1–V4 (Vary Subtle is 0.35, Vary Strong 0.65).</summary>
    /// <value>The default value is 0.55.</value>
    public double VariationStrength { get; set; } = 0.55;
}
