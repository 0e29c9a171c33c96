namespace MjBot.Backends.Onnx.Safety;

/// <summary>The <c>SafetyChecker</c> section: the Stable Diffusion safety checker as the diffusers ONNX export carries
/// it (<c>safety_checker/model.onnx</c>), which judges every image a local model makes before it is posted.</summary>
public sealed record SafetyCheckerOptions
{
    public const string SectionName = "SafetyChecker";

    /// <summary>Gets or sets the checker: a <c>model.onnx</c> file, or a folder holding one (such as a model export's
    /// <c>safety_checker</c> folder), relative to the working directory or absolute; empty: none.</summary>
    public string Model { get; set; } = string.Empty;

    /// <summary>Gets or sets where it runs: <c>auto</c>, <c>cpu</c>, <c>cuda</c> or <c>tensorrt</c>.</summary>
    public string ExecutionProvider { get; set; } = "auto";

    /// <summary>Gets the model file, or null when none is configured.</summary>
    public string? ModelFile => string.IsNullOrWhiteSpace(Model) ? null : Directory.Exists(Model) ? Path.Combine(Model, "model.onnx") : Model;

    public void ResolvePaths(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(Model))
        {
            Model = Path.GetFullPath(Model, contentRoot);
        }
    }
}
