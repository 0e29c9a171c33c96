namespace MjBot.Backends.Onnx.Upscaling;

/// <summary>The <c>Upscalers</c> section: super-resolution models (Real-ESRGAN-style ONNX exports, RGB in and out, any
/// size, 2× or 4×) that Upscale (Subtle) and (Creative) use on every backend's images. Optional: without one, the
/// upscales are a Lanczos resize, labelled so.</summary>
public sealed record UpscalerOptions
{
    public const string SectionName = "Upscalers";

    /// <summary>Gets or sets model names → an <c>.onnx</c> file, or a folder holding <c>model.onnx</c> (relative to the
    /// working directory or absolute).</summary>
    public Dictionary<string, string> Models { get; set; } = [];

    /// <summary>Gets or sets the name of the model the upscales use; empty: the only one configured.</summary>
    public string Default { get; set; } = string.Empty;

    /// <summary>Gets or sets the side of the square tiles the image is cut into, in source pixels (each tile is one
    /// model run: smaller tiles need less memory).</summary>
    /// <value>The default value is 192.</value>
    public int TileSize { get; set; } = 192;

    /// <summary>Gets or sets how many source pixels neighbouring tiles share; the seam is feathered across them.</summary>
    /// <value>The default value is 16.</value>
    public int TileOverlap { get; set; } = 16;

    /// <summary>Gets or sets where the model runs: <c>auto</c>, <c>cpu</c>, <c>cuda</c> or <c>tensorrt</c>.</summary>
    public string ExecutionProvider { get; set; } = "auto";

    /// <summary>Gets the model the upscales use, or null when none is configured.</summary>
    public string? DefaultName => !string.IsNullOrWhiteSpace(Default) ? Default : Models.Count == 1 ? Models.Keys.Single() : null;

    /// <summary>Gets the model file a configured path names (a folder's <c>model.onnx</c>).</summary>
    public static string ModelFile(string path) => Directory.Exists(path) ? Path.Combine(path, "model.onnx") : path;

    /// <summary>Resolves every model path against <paramref name="contentRoot"/>.</summary>
    public void ResolvePaths(string contentRoot)
    {
        foreach (var (name, path) in Models.ToList())
        {
            if (!string.IsNullOrWhiteSpace(path))
            {
                Models[name] = Path.GetFullPath(path, contentRoot);
            }
        }
    }
}
