namespace MjBot.Backends.Onnx.Runtime;

/// <summary>Where sessions should run: <see cref="Auto"/> tries TensorRT (when its libraries load), then CUDA, then the
/// CPU; <see cref="TensorRt"/> and <see cref="Cuda"/> fall back the same way but say why; <see cref="Cpu"/> never tries
/// a GPU.</summary>
internal enum ExecutionProviderPreference
{
    Auto,
    Cuda,
    TensorRt,
    Cpu,
}
