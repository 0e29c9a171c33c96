namespace MjBot.Backends.Onnx.Runtime;

/// <summary>ONNX Runtime refused to load or run a model; the message is ONNX Runtime's own.</summary>
internal sealed class ModelRuntimeException(string message, Exception? innerException = null) : Exception(message, innerException);
