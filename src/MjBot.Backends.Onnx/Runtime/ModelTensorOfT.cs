namespace MjBot.Backends.Onnx.Runtime;

/// <summary>A tensor of float, <see cref="Half"/>, int, long or bool.</summary>
internal sealed class ModelTensor<T> : ModelTensor
    where T : unmanaged
{
    public ModelTensor(T[] data, params long[] shape)
        : base(KindOf(), shape, data?.Length ?? throw new ArgumentNullException(nameof(data)))
    {
        Data = data;
    }

    public T[] Data { get; }

    public static ElementKind KindOf() =>
        typeof(T) == typeof(float) ? ElementKind.Float
        : typeof(T) == typeof(Half) ? ElementKind.Float16
        : typeof(T) == typeof(int) ? ElementKind.Int32
        : typeof(T) == typeof(long) ? ElementKind.Int64
        : typeof(T) == typeof(bool) ? ElementKind.Bool
        : throw new NotSupportedException($"Tensors of {typeof(T).Name} are not supported; use float, Half, int, long or bool.");
}
