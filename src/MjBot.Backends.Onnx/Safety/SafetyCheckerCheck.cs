using MjBot.Backends.Onnx.Runtime;

namespace MjBot.Backends.Onnx.Safety;

/// <summary>Checks the safety checker without a job, for <c>doctor</c>: the configured model opens and is shaped like
/// the Stable Diffusion safety checker.</summary>
public static class SafetyCheckerCheck
{
    /// <summary>Gets what was found, and whether it is a problem; null when no checker is configured.</summary>
    public static (string Line, bool Problem)? Check(SafetyCheckerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ModelFile is not { } file)
        {
            return null;
        }

        try
        {
            using var model = SafetyCheckerModel.Open(file, new SessionSettings { Provider = OnnxBackendOptions.ProviderOf(options.ExecutionProvider) });
            return ($"{file} opens on {model.ExecutionProvider}; local models' images are judged before they are posted.", false);
        }
        catch (Exception ex) when (ex is InvalidDataException or ModelRuntimeException or IOException or UnauthorizedAccessException)
        {
            return ($"{file} does not open: {ex.Message}; local jobs under a safety policy fail until it does.", true);
        }
    }
}
