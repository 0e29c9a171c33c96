using System.Runtime.InteropServices;

namespace MjBot.OnnxRuntime;

/// <summary>An ONNX Runtime object, released with its own release function exactly once.</summary>
internal sealed class OrtHandle : SafeHandle
{
    public OrtHandle(OrtApi api, OrtObject kind, IntPtr handle)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        Api = api;
        Kind = kind;
        SetHandle(handle);
    }

    public OrtApi Api { get; }

    public OrtObject Kind { get; }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        Api.Release(Kind, handle);
        return true;
    }
}
