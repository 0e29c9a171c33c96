using Microsoft.Extensions.Options;

namespace MjBot.Backends.Onnx.Upscaling;

/// <summary>Checks the Upscalers section: the model files exist, the default names one, the tiles are sensible.</summary>
internal sealed class UpscalerOptionsValidator : IValidateOptions<UpscalerOptions>
{
    public ValidateOptionsResult Validate(string? name, UpscalerOptions options)
    {
        var failures = new List<string>();
        if (OnnxBackendOptions.ProviderProblem("Upscalers:ExecutionProvider", options.ExecutionProvider) is { } provider)
        {
            failures.Add(provider);
        }

        if (options.TileSize is < 32 or > 2048 || options.TileOverlap < 0 || options.TileOverlap * 4 > options.TileSize)
        {
            failures.Add("Upscalers:TileSize must be between 32 and 2048, and Upscalers:TileOverlap 0 or more and at most a quarter of it.");
        }

        foreach (var (model, path) in options.Models)
        {
            if (string.IsNullOrWhiteSpace(path) || !File.Exists(UpscalerOptions.ModelFile(path)))
            {
                failures.Add($"Upscalers:Models:{model}: no model at \"{path}\" (name an .onnx file, or a folder holding model.onnx).");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.Default) && !options.Models.ContainsKey(options.Default))
        {
            failures.Add($"Upscalers:Default is \"{options.Default}\", which Upscalers:Models does not name.");
        }
        else if (string.IsNullOrWhiteSpace(options.Default) && options.Models.Count > 1)
        {
            failures.Add("Upscalers:Models names several models: set Upscalers:Default to the one the upscales use.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
