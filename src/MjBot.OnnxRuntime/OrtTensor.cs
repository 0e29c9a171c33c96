using System.Buffers;

namespace MjBot.OnnxRuntime;

/// <summary>A dense tensor in managed memory, row-major, which the binding pins while ONNX Runtime reads it.</summary>
public abstract class OrtTensor
{
    private protected OrtTensor(TensorElementType elementType, long[] shape, int length)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (var d in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(d, nameof(shape));
            count *= d;
        }

        if (count != length)
        {
            throw new ArgumentException($"A tensor of shape [{string.Join(", ", shape)}] holds {count} elements, not {length}.", nameof(shape));
        }

        ElementType = elementType;
        Shape = shape;
    }

    /// <summary>Gets the element type.</summary>
    public TensorElementType ElementType { get; }

    /// <summary>Gets the dimensions.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>Gets the number of elements.</summary>
    public abstract int Length { get; }

    internal abstract int ElementSize { get; }

    internal abstract MemoryHandle Pin();

    /// <summary>Gets the data as <typeparamref name="T"/>, which must be the tensor's element type.</summary>
    /// <typeparam name="T">float, Half, int or long.</typeparam>
    /// <returns>The tensor.</returns>
    public OrtTensor<T> As<T>()
        where T : unmanaged =>
        this as OrtTensor<T> ?? throw new InvalidOperationException($"The tensor holds {ElementType}, not {typeof(T).Name}.");
}
