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

    /// <summary>Gets or sets the path of libonnxruntime; empty leaves the choice to the ONNX backend (not yet built).</summary>
    public string? LibraryPath { get; set; }

    /// <summary>Gets or sets the execution provider: <c>auto</c> (CUDA when present), <c>cpu</c> or <c>cuda</c>.</summary>
    /// <value>The default value is <c>auto</c>.</value>
    public string ExecutionProvider { get; set; } = "auto";

    /// <summary>Gets or sets the CUDA device id.</summary>
    public int DeviceId { get; set; }

    /// <summary>Gets or sets the GPU memory limit in MiB; 0 means no limit.</summary>
    public int GpuMemoryLimitMiB { get; set; }
}
