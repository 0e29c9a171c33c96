namespace MjBot.OnnxRuntime;

/// <summary>Copies an output value into a managed tensor of its element type.</summary>
internal static unsafe class TensorReader
{
    public static OrtTensor Read(OrtApi api, IntPtr value)
    {
        IntPtr raw;
        api.Check(((delegate* unmanaged<IntPtr, IntPtr*, IntPtr>)api[65])(value, &raw));
        OrtNodeInfo shape;
        using (new OrtHandle(api, OrtObject.TensorTypeAndShapeInfo, raw))
        {
            shape = SessionMetadata.Shape(api, string.Empty, raw);
        }

        void* data;
        api.Check(((delegate* unmanaged<IntPtr, void**, IntPtr>)api[51])(value, &data));
        var dims = shape.Shape.ToArray();
        var count = checked((int)dims.Aggregate(1L, static (a, b) => a * b));
        return shape.ElementType switch
        {
            TensorElementType.Float => Copy<float>(data, count, dims),
            TensorElementType.Float16 => Copy<Half>(data, count, dims),
            TensorElementType.Int32 => Copy<int>(data, count, dims),
            TensorElementType.Int64 => Copy<long>(data, count, dims),
            var other => throw new NotSupportedException($"The model returned a {other} tensor; MjBot reads float, float16, int32 and int64."),
        };
    }

    private static OrtTensor<T> Copy<T>(void* data, int count, long[] dims)
        where T : unmanaged
    {
        var managed = new T[count];
        new ReadOnlySpan<T>(data, count).CopyTo(managed);
        return new OrtTensor<T>(managed, dims);
    }
}
