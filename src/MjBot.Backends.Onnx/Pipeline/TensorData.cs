using MjBot.Backends.Onnx.Runtime;

namespace MjBot.Backends.Onnx.Pipeline;

/// <summary>The pipeline computes in float32; models take float32 or float16 (and integer ids or timesteps), as each
/// export declares. These convert at the model's edge.</summary>
internal static class TensorData
{
    public static ModelTensor Floats(float[] data, ElementKind type, params long[] shape) => type switch
    {
        ElementKind.Float => new ModelTensor<float>(data, shape),
        ElementKind.Float16 => new ModelTensor<Half>([.. data.Select(static v => (Half)v)], shape),
        ElementKind.Int64 => new ModelTensor<long>([.. data.Select(static v => (long)Math.Round(v))], shape),
        ElementKind.Int32 => new ModelTensor<int>([.. data.Select(static v => (int)Math.Round(v))], shape),
        _ => throw new NotSupportedException($"MjBot cannot feed a {type} input."),
    };

    public static ModelTensor Ids(int[] ids, ElementKind type, params long[] shape) => type switch
    {
        ElementKind.Int32 => new ModelTensor<int>(ids, shape),
        ElementKind.Int64 => new ModelTensor<long>([.. ids.Select(static v => (long)v)], shape),
        _ => throw new NotSupportedException($"The text encoder takes {type} ids; MjBot feeds int32 or int64."),
    };

    public static float[] ToFloats(ModelTensor tensor) => tensor.Kind switch
    {
        ElementKind.Float => tensor.As<float>().Data,
        ElementKind.Float16 => [.. tensor.As<Half>().Data.Select(static v => (float)v)],
        _ => throw new NotSupportedException($"The model returned {tensor.Kind} where MjBot expects floats."),
    };
}
