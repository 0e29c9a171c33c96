using MjBot.OnnxRuntime;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>The pipeline computes in float32; models take float32 or float16 (and integer ids or timesteps), as each
/// export declares. These convert at the model's edge.</summary>
internal static class TensorData
{
    public static OrtTensor Floats(float[] data, TensorElementType type, params long[] shape) => type switch
    {
        TensorElementType.Float => new OrtTensor<float>(data, shape),
        TensorElementType.Float16 => new OrtTensor<Half>([.. data.Select(static v => (Half)v)], shape),
        TensorElementType.Int64 => new OrtTensor<long>([.. data.Select(static v => (long)Math.Round(v))], shape),
        TensorElementType.Int32 => new OrtTensor<int>([.. data.Select(static v => (int)Math.Round(v))], shape),
        _ => throw new NotSupportedException($"MjBot cannot feed a {type} input."),
    };

    public static OrtTensor Ids(int[] ids, TensorElementType type, params long[] shape) => type switch
    {
        TensorElementType.Int32 => new OrtTensor<int>(ids, shape),
        TensorElementType.Int64 => new OrtTensor<long>([.. ids.Select(static v => (long)v)], shape),
        _ => throw new NotSupportedException($"The text encoder takes {type} ids; MjBot feeds int32 or int64."),
    };

    public static float[] ToFloats(OrtTensor tensor) => tensor.ElementType switch
    {
        TensorElementType.Float => tensor.As<float>().Data,
        TensorElementType.Float16 => [.. tensor.As<Half>().Data.Select(static v => (float)v)],
        _ => throw new NotSupportedException($"The model returned {tensor.ElementType} where MjBot expects floats."),
    };
}
