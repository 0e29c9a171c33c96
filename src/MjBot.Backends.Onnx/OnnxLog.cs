using Microsoft.Extensions.Logging;

namespace MjBot.Backends.Onnx;

internal static partial class OnnxLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Opened model {Folder} on {Provider} in {Milliseconds} ms (ONNX Runtime {Version})")]
    public static partial void ModelOpened(this ILogger logger, string folder, string provider, long milliseconds, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A GPU provider was requested but is not usable, so Stable Diffusion runs on {Provider}: {Reason}")]
    public static partial void GpuFallback(this ILogger logger, string provider, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "ONNX Runtime: {Message}")]
    public static partial void RuntimeMessage(this ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "ONNX Runtime (fatal): {Message}")]
    public static partial void RuntimeFatal(this ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened translation model {Folder} on {Provider} in {Milliseconds} ms")]
    public static partial void TranslationModelOpened(this ILogger logger, string folder, string provider, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The translation model {Folder} does not open: {Reason}")]
    public static partial void TranslationModelRefused(this ILogger logger, string folder, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened upscaler {File} ({Scale}×) on {Provider} in {Milliseconds} ms")]
    public static partial void UpscalerOpened(this ILogger logger, string file, int scale, string provider, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The upscaler {File} does not open: {Reason}")]
    public static partial void UpscalerRefused(this ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened the safety checker {File} on {Provider} in {Milliseconds} ms")]
    public static partial void SafetyCheckerOpened(this ILogger logger, string file, string provider, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "The safety checker {File} does not open: {Reason}")]
    public static partial void SafetyCheckerRefused(this ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened CLIP {Folder} on {Provider} in {Milliseconds} ms")]
    public static partial void ClipOpened(this ILogger logger, string folder, string provider, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "CLIP {Folder} does not open: {Reason}")]
    public static partial void ClipRefused(this ILogger logger, string folder, string reason);
}
