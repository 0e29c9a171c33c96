namespace MjBot.OnnxRuntime;

/// <summary>The kinds of ONNX Runtime object the binding owns; each value is the index of its release function in
/// the API table.</summary>
internal enum OrtObject
{
    Env = 92,
    Status = 93,
    MemoryInfo = 94,
    Session = 95,
    Value = 96,
    RunOptions = 97,
    TypeInfo = 98,
    TensorTypeAndShapeInfo = 99,
    SessionOptions = 100,
    CudaProviderOptions = 208,
}
