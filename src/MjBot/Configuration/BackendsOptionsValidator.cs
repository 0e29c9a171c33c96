using Microsoft.Extensions.Options;
using MjBot.Core.Jobs;

namespace MjBot.Configuration;

/// <summary>Checks the Backends section.</summary>
internal sealed class BackendsOptionsValidator(IEnumerable<BackendRegistration> registered) : IValidateOptions<BackendsOptions>
{
    private readonly string[] _backends = ["onnx", "openai", .. registered.Select(static r => r.Name).Where(static n => n is not ("onnx" or "openai"))];
    private static readonly string[] Providers = ["auto", "cpu", "cuda"];

    public ValidateOptionsResult Validate(string? name, BackendsOptions options)
    {
        var failures = new List<string>();
        if (!_backends.Contains(options.Default, StringComparer.Ordinal))
        {
            failures.Add($"Backends:Default is \"{options.Default}\": use {string.Join(" or ", _backends.Select(static b => b switch { "onnx" => "\"onnx\" (local Stable Diffusion)", _ => $"\"{b}\"" }))}.");
        }

        if (options.Default == "openai" && string.IsNullOrWhiteSpace(options.OpenAI.ApiKey))
        {
            failures.Add("Backends:OpenAI:ApiKey is missing while Backends:Default is \"openai\": set the key, or use \"onnx\".");
        }

        if (!string.IsNullOrEmpty(options.OpenAI.Endpoint)
            && (!Uri.TryCreate(options.OpenAI.Endpoint, UriKind.Absolute, out var endpoint) || !(endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback))))
        {
            failures.Add("Backends:OpenAI:Endpoint must be an absolute https address (http only on this machine), e.g. https://NAME.openai.azure.com/.");
        }

        if (options.OpenAI.DailyGuildCapUsd < 0 || options.OpenAI.Prices.Values.Any(static p => p < 0))
        {
            failures.Add("Backends:OpenAI:DailyGuildCapUsd and the Backends:OpenAI:Prices must not be negative (0 means no cap).");
        }

        if (options.OpenAI.TimeoutSeconds is < 5 or > 600)
        {
            failures.Add("Backends:OpenAI:TimeoutSeconds must be between 5 and 600.");
        }

        if (options.OpenAI.MaxConcurrency is < 1 or > 32)
        {
            failures.Add("Backends:OpenAI:MaxConcurrency must be between 1 and 32.");
        }

        if (!Providers.Contains(options.Onnx.ExecutionProvider, StringComparer.Ordinal))
        {
            failures.Add($"Backends:Onnx:ExecutionProvider is \"{options.Onnx.ExecutionProvider}\": use \"auto\", \"cpu\" or \"cuda\".");
        }

        if (options.Onnx.DeviceId < 0 || options.Onnx.GpuMemoryLimitMiB < 0)
        {
            failures.Add("Backends:Onnx:DeviceId and Backends:Onnx:GpuMemoryLimitMiB must not be negative.");
        }

        if (options.Onnx.BatchSize is not (1 or 2 or 4) || options.Onnx.IntraOpThreads < 0 || options.Onnx.VariationStrength is <= 0 or > 1)
        {
            failures.Add("Backends:Onnx:BatchSize must be 1, 2 or 4, IntraOpThreads 0 or more, and VariationStrength above 0 and at most 1.");
        }

        if (string.IsNullOrWhiteSpace(options.Onnx.ModelFolder))
        {
            failures.Add("Backends:Onnx:ModelFolder is empty: name the folder that holds your ONNX model folders.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
