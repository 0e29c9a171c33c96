namespace MjBot.OnnxRuntime;

/// <summary>ONNX Runtime's <c>OrtLoggingLevel</c>.</summary>
public enum OrtLogSeverity
{
    Verbose = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
    Fatal = 4,
}
