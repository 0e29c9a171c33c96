using System.Runtime.InteropServices;

namespace MjBot.OnnxRuntime;

/// <summary>ONNX Runtime's C function table (<c>OrtGetApiBase()->GetApi(version)</c>). Indices are the zero-based
/// positions of the members of <c>struct OrtApi</c>, which is append-only, so they hold for every later runtime.
/// Every <c>OrtStatus*</c> result goes through <see cref="Check"/>.</summary>
internal sealed unsafe class OrtApi
{
    /// <summary>The API version asked for: everything used here exists since 1.17.</summary>
    public const uint Version = 17;

    private readonly IntPtr* _api;

    private OrtApi(IntPtr* api, string runtimeVersion)
    {
        _api = api;
        RuntimeVersion = runtimeVersion;
    }

    public string RuntimeVersion { get; }

    public static OrtApi Load(string libraryPath)
    {
        if (!File.Exists(libraryPath))
        {
            throw new OrtException(OrtErrorCode.NoSuchFile, $"ONNX Runtime's library was not found at {libraryPath}.");
        }

        IntPtr library;
        try
        {
            library = NativeLibrary.Load(libraryPath);
        }
        catch (DllNotFoundException ex)
        {
            throw new OrtException(OrtErrorCode.Fail, $"ONNX Runtime's library at {libraryPath} could not be loaded: {ex.Message}", ex);
        }

        if (!NativeLibrary.TryGetExport(library, "OrtGetApiBase", out var getApiBase))
        {
            throw new OrtException(OrtErrorCode.Fail, $"{libraryPath} is not ONNX Runtime: it exports no OrtGetApiBase.");
        }

        var apiBase = (IntPtr*)((delegate* unmanaged<IntPtr>)getApiBase)();
        var version = Marshal.PtrToStringUTF8(((delegate* unmanaged<IntPtr>)apiBase[1])()) ?? "unknown";
        var api = (IntPtr*)((delegate* unmanaged<uint, IntPtr>)apiBase[0])(Version);
        if (api == null)
        {
            throw new OrtException(OrtErrorCode.Fail, $"ONNX Runtime {version} at {libraryPath} is older than 1.{Version}, which MjBot needs.");
        }

        return new OrtApi(api, version);
    }

    public IntPtr this[int index] => _api[index];

    /// <summary>Throws an <see cref="OrtException"/> with ONNX Runtime's code and message when
    /// <paramref name="status"/> is an error, and releases it.</summary>
    public void Check(IntPtr status)
    {
        if (status == IntPtr.Zero)
        {
            return;
        }

        var code = (OrtErrorCode)((delegate* unmanaged<IntPtr, int>)_api[1])(status);
        var message = Marshal.PtrToStringUTF8(((delegate* unmanaged<IntPtr, IntPtr>)_api[2])(status)) ?? "no message";
        ((delegate* unmanaged<IntPtr, void>)_api[93])(status);
        throw new OrtException(code, message);
    }

    /// <summary>Calls the release function of <paramref name="kind"/> on <paramref name="handle"/>.</summary>
    public void Release(OrtObject kind, IntPtr handle) => ((delegate* unmanaged<IntPtr, void>)_api[(int)kind])(handle);
}
