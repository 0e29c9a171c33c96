using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MjBot.Backends.Onnx.Runtime;

/// <summary>Converts between our managed tensors and ONNX Runtime's values. An input value refers to the tensor's own
/// array (pinned for the value's life), so feeding a tensor copies nothing; an output is copied out once.</summary>
internal static class OrtValues
{
    public static OrtValue From(ModelTensor tensor) => tensor switch
    {
        ModelTensor<float> f => OrtValue.CreateTensorValueFromMemory(f.Data, tensor.Shape),
        ModelTensor<Half> h => OrtValue.CreateTensorValueFromMemory(ToFloat16(h.Data), tensor.Shape),
        ModelTensor<int> i => OrtValue.CreateTensorValueFromMemory(i.Data, tensor.Shape),
        ModelTensor<long> l => OrtValue.CreateTensorValueFromMemory(l.Data, tensor.Shape),
        _ => throw new NotSupportedException($"MjBot cannot feed a {tensor.Kind} tensor."),
    };

    public static ModelTensor Read(OrtValue value)
    {
        var info = value.GetTensorTypeAndShape();
        var shape = info.Shape;
        return info.ElementDataType switch
        {
            TensorElementType.Float => new ModelTensor<float>(value.GetTensorDataAsSpan<float>().ToArray(), shape),
            TensorElementType.Float16 => new ModelTensor<Half>(MemoryMarshal.Cast<Float16, Half>(value.GetTensorDataAsSpan<Float16>()).ToArray(), shape),
            TensorElementType.Int32 => new ModelTensor<int>(value.GetTensorDataAsSpan<int>().ToArray(), shape),
            TensorElementType.Int64 => new ModelTensor<long>(value.GetTensorDataAsSpan<long>().ToArray(), shape),
            TensorElementType.Bool => new ModelTensor<bool>(value.GetTensorDataAsSpan<bool>().ToArray(), shape),
            var other => throw new NotSupportedException($"The model returned a {other} tensor, which MjBot does not read."),
        };
    }

    public static ElementKind KindOf(TensorElementType type) => type switch
    {
        TensorElementType.Float => ElementKind.Float,
        TensorElementType.Float16 => ElementKind.Float16,
        TensorElementType.Int32 => ElementKind.Int32,
        TensorElementType.Int64 => ElementKind.Int64,
        TensorElementType.Bool => ElementKind.Bool,
        _ => ElementKind.Other,
    };

    // Float16 and Half are both IEEE 754 binary16 in two bytes: the bits carry over unchanged.
    private static Float16[] ToFloat16(Half[] data) => MemoryMarshal.Cast<Half, Float16>(data.AsSpan()).ToArray();
}
