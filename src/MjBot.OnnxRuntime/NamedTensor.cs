namespace MjBot.OnnxRuntime;

/// <summary>A tensor with the model input or output name it goes with.</summary>
public sealed record NamedTensor(string Name, OrtTensor Tensor);
