using MjBot.Backends.Onnx.Runtime;

namespace MjBot.Backends.Onnx.Upscaling;

/// <summary>Checks the upscaler without a job, for <c>doctor</c>: the model the upscales use opens and enlarges.</summary>
public static class UpscalerCheck
{
    /// <summary>Gets what was found, and whether it is a problem; null when no upscaler is configured.</summary>
    public static (string Line, bool Problem)? Check(UpscalerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.DefaultName is not { } name || !options.Models.TryGetValue(name, out var path))
        {
            return options.Models.Count == 0 ? null : ("several models and no Upscalers:Default naming one of them.", true);
        }

        var file = UpscalerOptions.ModelFile(path);
        try
        {
            using var model = SuperResolutionModel.Open(file, new SessionSettings { Provider = OnnxBackendOptions.ProviderOf(options.ExecutionProvider) });
            return ($"\"{name}\" ({file}) enlarges {model.Scale}× on {model.ExecutionProvider}, in {options.TileSize}-pixel tiles.", false);
        }
        catch (Exception ex) when (ex is InvalidDataException or ModelRuntimeException or IOException or UnauthorizedAccessException)
        {
            return ($"\"{name}\" ({file}) does not open: {ex.Message}.", true);
        }
    }
}
