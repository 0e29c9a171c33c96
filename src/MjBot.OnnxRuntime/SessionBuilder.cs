using System.Globalization;
using System.Text;

namespace MjBot.OnnxRuntime;

/// <summary>Builds session options and sessions through the C API.</summary>
internal static unsafe class SessionBuilder
{
    public static OrtHandle Options(OrtRuntime runtime, OrtSessionSettings settings, bool cuda)
    {
        var api = runtime.Api;
        IntPtr raw;
        api.Check(((delegate* unmanaged<IntPtr*, IntPtr>)api[10])(&raw));
        var options = new OrtHandle(api, OrtObject.SessionOptions, raw);
        try
        {
            if (settings.IntraOpThreads > 0)
            {
                api.Check(((delegate* unmanaged<IntPtr, int, IntPtr>)api[24])(raw, settings.IntraOpThreads));
            }

            api.Check(((delegate* unmanaged<IntPtr, int, IntPtr>)api[23])(raw, (int)settings.OptimizationLevel));
            foreach (var (name, value) in settings.FreeDimensions)
            {
                fixed (byte* n = Utf8(name))
                {
                    api.Check(((delegate* unmanaged<IntPtr, byte*, long, IntPtr>)api[124])(raw, n, value));
                }
            }

            if (cuda)
            {
                AppendCuda(api, raw, settings);
            }

            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }

    public static OrtHandle Create(OrtRuntime runtime, string modelPath, OrtHandle options)
    {
        if (!File.Exists(modelPath))
        {
            throw new OrtException(OrtErrorCode.NoSuchFile, $"No model file at {modelPath}.");
        }

        var api = runtime.Api;
        IntPtr session;
        fixed (byte* path = Utf8(modelPath))
        {
            api.Check(((delegate* unmanaged<IntPtr, byte*, IntPtr, IntPtr*, IntPtr>)api[7])(runtime.Env, path, options.DangerousGetHandle(), &session));
        }

        return new OrtHandle(api, OrtObject.Session, session);
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text + '\0');

    private static void AppendCuda(OrtApi api, IntPtr options, OrtSessionSettings settings)
    {
        IntPtr raw;
        api.Check(((delegate* unmanaged<IntPtr*, IntPtr>)api[205])(&raw));
        using var cuda = new OrtHandle(api, OrtObject.CudaProviderOptions, raw);
        var pairs = new List<(string Key, string Value)> { ("device_id", settings.DeviceId.ToString(CultureInfo.InvariantCulture)) };
        if (settings.GpuMemoryLimitBytes > 0)
        {
            pairs.Add(("gpu_mem_limit", settings.GpuMemoryLimitBytes.ToString(CultureInfo.InvariantCulture)));
        }

        var keys = pairs.Select(static p => Utf8(p.Key)).ToArray();
        var values = pairs.Select(static p => Utf8(p.Value)).ToArray();
        var handles = keys.Concat(values).Select(static b => System.Runtime.InteropServices.GCHandle.Alloc(b, System.Runtime.InteropServices.GCHandleType.Pinned)).ToArray();
        try
        {
            var keyPointers = handles.Take(keys.Length).Select(static h => h.AddrOfPinnedObject()).ToArray();
            var valuePointers = handles.Skip(keys.Length).Select(static h => h.AddrOfPinnedObject()).ToArray();
            fixed (IntPtr* k = keyPointers, v = valuePointers)
            {
                api.Check(((delegate* unmanaged<IntPtr, IntPtr*, IntPtr*, nuint, IntPtr>)api[206])(raw, k, v, (nuint)pairs.Count));
            }
        }
        finally
        {
            foreach (var h in handles)
            {
                h.Free();
            }
        }

        api.Check(((delegate* unmanaged<IntPtr, IntPtr, IntPtr>)api[204])(options, raw));
    }
}
