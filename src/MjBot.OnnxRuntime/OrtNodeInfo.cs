namespace MjBot.OnnxRuntime;

/// <summary>One input or output of a model as the model declares it.</summary>
/// <param name="Name">The name.</param>
/// <param name="ElementType">The element type (<see cref="TensorElementType.Undefined"/> for non-tensors).</param>
/// <param name="Shape">The dimensions; -1 where a dimension is dynamic.</param>
/// <param name="SymbolicShape">The names of the dimensions (empty strings where a dimension has none).</param>
public sealed record OrtNodeInfo(string Name, TensorElementType ElementType, IReadOnlyList<long> Shape, IReadOnlyList<string> SymbolicShape);
