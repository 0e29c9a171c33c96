namespace MjBot.Backends.Onnx.Runtime;

/// <summary>A tensor and the model input or output it belongs to.</summary>
internal sealed record NamedTensor(string Name, ModelTensor Tensor);
