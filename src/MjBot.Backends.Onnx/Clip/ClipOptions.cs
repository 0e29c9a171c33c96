namespace MjBot.Backends.Onnx.Clip;

/// <summary>The <c>Clip</c> section: a CLIP model exported to ONNX as two towers (the layout of the transformers.js
/// conversions: <c>text_model.onnx</c> and <c>vision_model.onnx</c>, beside the tokenizer's <c>vocab.json</c> and
/// <c>merges.txt</c> or under <c>onnx/</c>), which scores each image against its prompt.</summary>
public sealed record ClipOptions
{
    public const string SectionName = "Clip";

    /// <summary>Gets or sets the model's folder, relative to the working directory or absolute; empty: none.</summary>
    public string Model { get; set; } = string.Empty;

    /// <summary>Gets or sets where it runs: <c>auto</c>, <c>cpu</c>, <c>cuda</c> or <c>tensorrt</c>.</summary>
    public string ExecutionProvider { get; set; } = "auto";

    /// <summary>Gets the path of a tower's file: in the folder, or under its <c>onnx/</c>.</summary>
    public static string Tower(string folder, string name)
    {
        var beside = Path.Combine(folder, name);
        var under = Path.Combine(folder, "onnx", name);
        return File.Exists(beside) || !File.Exists(under) ? beside : under;
    }

    public void ResolvePaths(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(Model))
        {
            Model = Path.GetFullPath(Model, contentRoot);
        }
    }
}
