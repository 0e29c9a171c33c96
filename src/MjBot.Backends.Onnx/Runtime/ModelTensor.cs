namespace MjBot.Backends.Onnx.Runtime;

/// <summary>A tensor in managed memory: what goes into a model run and what comes out of one.</summary>
internal abstract class ModelTensor
{
    private protected ModelTensor(ElementKind kind, long[] shape, int length)
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

        Kind = kind;
        Shape = shape;
    }

    public ElementKind Kind { get; }

    public long[] Shape { get; }

    public ModelTensor<T> As<T>()
        where T : unmanaged =>
        this as ModelTensor<T> ?? throw new InvalidOperationException($"The tensor holds {Kind}, not {typeof(T).Name}.");
}
