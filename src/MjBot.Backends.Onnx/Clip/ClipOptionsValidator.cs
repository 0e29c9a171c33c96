using Microsoft.Extensions.Options;

namespace MjBot.Backends.Onnx.Clip;

/// <summary>Checks the Clip section: the folder holds both towers and the tokenizer.</summary>
internal sealed class ClipOptionsValidator : IValidateOptions<ClipOptions>
{
    public ValidateOptionsResult Validate(string? name, ClipOptions options)
    {
        var failures = new List<string>();
        if (OnnxBackendOptions.ProviderProblem("Clip:ExecutionProvider", options.ExecutionProvider) is { } provider)
        {
            failures.Add(provider);
        }

        if (!string.IsNullOrWhiteSpace(options.Model))
        {
            var missing = new[] { "text_model.onnx", "vision_model.onnx" }.Where(f => !File.Exists(ClipOptions.Tower(options.Model, f)))
                .Concat(new[] { "vocab.json", "merges.txt" }.Where(f => !File.Exists(Path.Combine(options.Model, f))))
                .ToList();
            if (missing.Count > 0)
            {
                failures.Add($"Clip:Model ({options.Model}) lacks {string.Join(", ", missing)}: use a CLIP export with separate text and vision towers (text_model.onnx, vision_model.onnx) and its tokenizer files.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
