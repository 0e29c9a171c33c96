using Microsoft.Extensions.Options;
using MjBot.Core.Jobs;

namespace MjBot.Configuration;

/// <summary>Checks <c>Backends:Default</c>: a backend this build knows and has registered. The OpenAI module registers
/// its backend only with a key, so an openai default without one is reported as the missing key; ComfyUI only with servers.</summary>
internal sealed class BackendsOptionsValidator(IEnumerable<BackendRegistration> registered) : IValidateOptions<BackendsOptions>
{
    private const string OpenAI = "openai";
    private const string ComfyUI = "comfyui";
    private readonly HashSet<string> _registered = registered.Select(static r => r.Name).ToHashSet(StringComparer.Ordinal);

    public ValidateOptionsResult Validate(string? name, BackendsOptions options)
    {
        string[] known = ["onnx", OpenAI, ComfyUI, .. _registered.Where(static n => n is not ("onnx" or OpenAI or ComfyUI)).Order(StringComparer.Ordinal)];
        if (!known.Contains(options.Default, StringComparer.Ordinal))
        {
            var names = known.Select(static b => b switch { "onnx" => "\"onnx\" (local Stable Diffusion)", _ => $"\"{b}\"" }).ToList();
            return ValidateOptionsResult.Fail($"Backends:Default is \"{options.Default}\": use {string.Join(", ", names[..^1])} or {names[^1]}.");
        }

        if (options.Default == ComfyUI && !_registered.Contains(ComfyUI))
        {
            return ValidateOptionsResult.Fail("Backends:ComfyUI:Servers is empty while Backends:Default is \"comfyui\": add a server's address (Backends:ComfyUI:Servers:0:Url), or use \"onnx\".");
        }

        return options.Default == OpenAI && !_registered.Contains(OpenAI)
            ? ValidateOptionsResult.Fail("Backends:OpenAI:ApiKey is missing while Backends:Default is \"openai\": set the key, or use \"onnx\".")
            : ValidateOptionsResult.Success;
    }
}
