namespace MjBot.OnnxRuntime;

/// <summary>An ONNX Runtime call returned an error status: its code and ONNX Runtime's own message.</summary>
public sealed class OrtException : Exception
{
    public OrtException(OrtErrorCode code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>Gets ONNX Runtime's error code.</summary>
    public OrtErrorCode Code { get; }
}
