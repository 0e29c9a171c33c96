namespace MjBot.Backends.Onnx.Runtime;

/// <summary>One input or output of a model as its file declares it: the name, the element type and the shape (−1 for a
/// dimension the export left symbolic, such as the batch).</summary>
internal sealed record ModelPort(string Name, ElementKind Kind, IReadOnlyList<long> Shape);
