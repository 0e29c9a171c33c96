using Microsoft.Extensions.Options;

namespace MjBot.Backends.Onnx.Safety;

/// <summary>Checks the SafetyChecker section: the model file exists.</summary>
internal sealed class SafetyCheckerOptionsValidator : IValidateOptions<SafetyCheckerOptions>
{
    public ValidateOptionsResult Validate(string? name, SafetyCheckerOptions options)
    {
        var failures = new List<string>();
        if (OnnxBackendOptions.ProviderProblem("SafetyChecker:ExecutionProvider", options.ExecutionProvider) is { } provider)
        {
            failures.Add(provider);
        }

        if (options.ModelFile is { } file && !File.Exists(file))
        {
            failures.Add($"SafetyChecker:Model: no model at \"{file}\" (name the safety_checker folder of a Stable Diffusion ONNX export, or its model.onnx).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
