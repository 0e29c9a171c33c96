using MjBot.Backends.Onnx.Runtime;

namespace MjBot.Backends.Onnx.Clip;

/// <summary>Checks the CLIP model without a job, for <c>doctor</c>: both towers and the tokenizer open.</summary>
public static class ClipCheck
{
    /// <summary>Gets what was found, and whether it is a problem; null when no CLIP model is configured.</summary>
    public static (string Line, bool Problem)? Check(ClipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            return null;
        }

        try
        {
            using var towers = ClipTowers.Open(options.Model, new SessionSettings { Provider = OnnxBackendOptions.ProviderOf(options.ExecutionProvider) });
            return ($"{options.Model} opens on {towers.ExecutionProvider}; images are scored against their prompts.", false);
        }
        catch (Exception ex) when (ex is InvalidDataException or ModelRuntimeException or IOException or UnauthorizedAccessException)
        {
            return ($"{options.Model} does not open: {ex.Message}.", true);
        }
    }
}
