namespace MjBot.Configuration;

/// <summary>The <c>Backends</c> section's own key: which image backend serves a prompt by default. Each backend's
/// settings are its module's options (<c>Backends:OpenAI</c>, <c>Backends:Onnx</c>, <c>Backends:ComfyUI</c>).</summary>
public sealed class BackendsOptions
{
    public const string SectionName = "Backends";

    /// <summary>Gets or sets the default backend: <c>onnx</c> (local Stable Diffusion), <c>openai</c> or <c>comfyui</c>.</summary>
    /// <value>The default value is <c>onnx</c>.</value>
    public string Default { get; set; } = "onnx";
}
