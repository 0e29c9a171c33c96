using Microsoft.Extensions.Options;

namespace MjBot.Backends.Onnx;

/// <summary>Checks the Backends:Onnx section.</summary>
internal sealed class OnnxBackendOptionsValidator : IValidateOptions<OnnxBackendOptions>
{
    private static readonly string[] Providers = ["auto", "cpu", "cuda", "tensorrt"];

    public ValidateOptionsResult Validate(string? name, OnnxBackendOptions options)
    {
        var failures = new List<string>();
        if (!Providers.Contains(options.ExecutionProvider, StringComparer.Ordinal))
        {
            failures.Add($"Backends:Onnx:ExecutionProvider is \"{options.ExecutionProvider}\": use \"auto\", \"cpu\", \"cuda\" or \"tensorrt\".");
        }

        if (options.DeviceId < 0 || options.GpuMemoryLimitMiB < 0)
        {
            failures.Add("Backends:Onnx:DeviceId and Backends:Onnx:GpuMemoryLimitMiB must not be negative.");
        }

        if (options.BatchSize is not (1 or 2 or 4) || options.IntraOpThreads < 0 || options.VariationStrength is <= 0 or > 1)
        {
            failures.Add("Backends:Onnx:BatchSize must be 1, 2 or 4, IntraOpThreads 0 or more, and VariationStrength above 0 and at most 1.");
        }

        if (string.IsNullOrWhiteSpace(options.ModelFolder))
        {
            failures.Add("Backends:Onnx:ModelFolder is empty: name the folder that holds your ONNX model folders.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
