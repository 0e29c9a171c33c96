namespace MjBot.Configuration;

/// <summary>The <c>Backends</c> section: which image backend serves a prompt by default, and each backend's
/// settings.</summary>
public sealed class BackendsOptions
{
    public const string SectionName = "Backends";

    /// <summary>Gets or sets the default backend: <c>onnx</c> (local Stable Diffusion) or <c>openai</c>.</summary>
    /// <value>The default value is <c>onnx</c>.</value>
    public string Default { get; set; } = "onnx";

    /// <summary>Gets or sets the OpenAI settings.</summary>
    public OpenAIOptions OpenAI { get; set; } = new();

    /// <summary>Gets or sets the ONNX Runtime settings.</summary>
    public OnnxOptions Onnx { get; set; } = new();
}
