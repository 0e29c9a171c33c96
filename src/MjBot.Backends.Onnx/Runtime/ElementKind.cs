namespace MjBot.Backends.Onnx.Runtime;

/// <summary>The element types the pipeline feeds and reads: exports take float32 or float16 tensors and int32 or int64
/// ids and timesteps; a safety checker answers bool.</summary>
internal enum ElementKind
{
    Float,
    Float16,
    Int32,
    Int64,
    Bool,
    Other,
}
