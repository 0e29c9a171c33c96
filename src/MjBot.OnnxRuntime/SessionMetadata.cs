using System.Runtime.InteropServices;

namespace MjBot.OnnxRuntime;

/// <summary>Reads a session's declared inputs and outputs: names, element types, dimensions and their names.</summary>
internal static unsafe class SessionMetadata
{
    public static IReadOnlyList<OrtNodeInfo> Read(OrtApi api, IntPtr session, bool input)
    {
        nuint count;
        api.Check(((delegate* unmanaged<IntPtr, nuint*, IntPtr>)api[input ? 30 : 31])(session, &count));
        IntPtr allocator;
        api.Check(((delegate* unmanaged<IntPtr*, IntPtr>)api[78])(&allocator));
        var nodes = new OrtNodeInfo[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            IntPtr name;
            api.Check(((delegate* unmanaged<IntPtr, nuint, IntPtr, IntPtr*, IntPtr>)api[input ? 36 : 37])(session, i, allocator, &name));
            string text;
            try
            {
                text = Marshal.PtrToStringUTF8(name) ?? string.Empty;
            }
            finally
            {
                api.Check(((delegate* unmanaged<IntPtr, IntPtr, IntPtr>)api[76])(allocator, name));
            }

            IntPtr typeInfo;
            api.Check(((delegate* unmanaged<IntPtr, nuint, IntPtr*, IntPtr>)api[input ? 33 : 34])(session, i, &typeInfo));
            using var owned = new OrtHandle(api, OrtObject.TypeInfo, typeInfo);
            nodes[(int)i] = Describe(api, text, typeInfo);
        }

        return nodes;
    }

    private static OrtNodeInfo Describe(OrtApi api, string name, IntPtr typeInfo)
    {
        int onnxType;
        api.Check(((delegate* unmanaged<IntPtr, int*, IntPtr>)api[56])(typeInfo, &onnxType));
        if (onnxType != 1 /* ONNX_TYPE_TENSOR */)
        {
            return new OrtNodeInfo(name, TensorElementType.Undefined, [], []);
        }

        IntPtr info; // owned by the type info: not released here
        api.Check(((delegate* unmanaged<IntPtr, IntPtr*, IntPtr>)api[55])(typeInfo, &info));
        return Shape(api, name, info);
    }

    /// <summary>Reads element type and dimensions from an <c>OrtTensorTypeAndShapeInfo</c>.</summary>
    public static OrtNodeInfo Shape(OrtApi api, string name, IntPtr info)
    {
        int elementType;
        api.Check(((delegate* unmanaged<IntPtr, int*, IntPtr>)api[60])(info, &elementType));
        nuint rank;
        api.Check(((delegate* unmanaged<IntPtr, nuint*, IntPtr>)api[61])(info, &rank));
        var dims = new long[(int)rank];
        var symbols = new IntPtr[(int)rank];
        fixed (long* d = dims)
        fixed (IntPtr* s = symbols)
        {
            api.Check(((delegate* unmanaged<IntPtr, long*, nuint, IntPtr>)api[62])(info, d, rank));
            api.Check(((delegate* unmanaged<IntPtr, IntPtr*, nuint, IntPtr>)api[63])(info, s, rank));
        }

        var names = symbols.Select(static p => p == IntPtr.Zero ? string.Empty : Marshal.PtrToStringUTF8(p) ?? string.Empty).ToArray();
        return new OrtNodeInfo(name, (TensorElementType)elementType, dims, names);
    }
}
