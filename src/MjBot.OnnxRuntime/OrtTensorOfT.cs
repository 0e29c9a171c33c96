using System.Buffers;
using System.Runtime.CompilerServices;

namespace MjBot.OnnxRuntime;

/// <summary>A dense tensor of <typeparamref name="T"/> (float, Half, int or long).</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class OrtTensor<T> : OrtTensor
    where T : unmanaged
{
    /// <summary>Initializes a new instance of the <see cref="OrtTensor{T}"/> class over <paramref name="data"/> (not
    /// copied).</summary>
    /// <param name="data">The elements, row-major.</param>
    /// <param name="shape">The dimensions; their product is the length of <paramref name="data"/>.</param>
    public OrtTensor(T[] data, params long[] shape)
        : base(ElementTypeOf(), shape, data?.Length ?? throw new ArgumentNullException(nameof(data)))
    {
        Data = data;
    }

    /// <summary>Gets the elements, row-major.</summary>
    public T[] Data { get; }

    public override int Length => Data.Length;

    internal override int ElementSize => Unsafe.SizeOf<T>();

    internal override MemoryHandle Pin() => Data.AsMemory().Pin();

    /// <summary>Gets the ONNX element type of <typeparamref name="T"/>.</summary>
    /// <returns>The element type.</returns>
    public static TensorElementType ElementTypeOf() =>
        typeof(T) == typeof(float) ? TensorElementType.Float
        : typeof(T) == typeof(Half) ? TensorElementType.Float16
        : typeof(T) == typeof(int) ? TensorElementType.Int32
        : typeof(T) == typeof(long) ? TensorElementType.Int64
        : throw new NotSupportedException($"Tensors of {typeof(T).Name} are not supported; use float, Half, int or long.");
}
