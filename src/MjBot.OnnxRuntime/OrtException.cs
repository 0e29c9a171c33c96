namespace MjBot.OnnxRuntime;

/// <summary>An ONNX Runtime call returned an error status: its code and ONNX Runtime's own message.</summary>
public sealed class OrtException : Exception
{
    public OrtException(OrtErrorCode code, string message)
        : base(message)
    {
        Code = code;
    }

    public OrtException()
    {
    }

    public OrtException(string message)
        : base(message)
    {
    }

    public OrtException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets ONNX Runtime's error code.</summary>
    public OrtErrorCode Code { get; }
}
