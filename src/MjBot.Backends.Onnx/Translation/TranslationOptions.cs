using MjBot.Backends.Onnx.Runtime;

namespace MjBot.Backends.Onnx.Translation;

/// <summary>The <c>Translation</c> section: local translation models (Marian / opus-mt exports on ONNX Runtime) that
/// turn prompts in other languages into English for backends that read only English. Optional: with no model a prompt
/// goes to the OpenAI chat model when that is set up, or in as written with a note.</summary>
public sealed record TranslationOptions
{
    public const string SectionName = "Translation";

    /// <summary>Gets or sets the source language (ISO 639-1 code as the prompt's script tells it: <c>ko</c>, <c>ja</c>,
    /// <c>zh</c>, <c>ru</c> …, or <c>mul</c> for a many-to-English model that takes the rest) → the folder of its
    /// model, relative to the working directory or absolute.</summary>
    public Dictionary<string, string> Models { get; set; } = [];

    /// <summary>Gets or sets where the models run: <c>cpu</c> (the default: they are small and leave the GPU to
    /// Stable Diffusion), <c>auto</c>, <c>cuda</c> or <c>tensorrt</c>.</summary>
    public string ExecutionProvider { get; set; } = "cpu";

    /// <summary>Gets or sets the CPU threads per operator; 0 lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>Gets or sets the most tokens one translated phrase may have.</summary>
    /// <value>The default value is 160.</value>
    public int MaxTokens { get; set; } = 160;

    internal SessionSettings Session => new()
    {
        Provider = OnnxBackendOptions.ProviderOf(ExecutionProvider),
        IntraOpThreads = IntraOpThreads,
    };

    /// <summary>Resolves every model folder against <paramref name="contentRoot"/>.</summary>
    public void ResolvePaths(string contentRoot)
    {
        foreach (var (language, folder) in Models.ToList())
        {
            if (!string.IsNullOrWhiteSpace(folder))
            {
                Models[language] = Path.GetFullPath(folder, contentRoot);
            }
        }
    }
}
